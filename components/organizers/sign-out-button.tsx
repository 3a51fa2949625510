"use client";

import { useRouter } from "next/navigation";

export function SignOutButton({ label, locale }: { label: string; locale: string }) {
  const router = useRouter();
  async function signOut() {
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => null);
    router.push(`/${locale}/admin/sign-in`);
    router.refresh();
  }
  return (
    <button type="button" className="link-button" onClick={signOut}>
      {label}
    </button>
  );
}
