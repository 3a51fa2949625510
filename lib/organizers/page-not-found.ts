// Pages turn the scope's not_found into Next's 404 page, the same answer as for an id that does not exist.
import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/infra/errors";

export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
