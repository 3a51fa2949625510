import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// `findBy…` and `waitFor` wait up to 1 s by default: on a busy machine (CI beside other work) jsdom needs longer.
// A test that waits for something that never comes still fails, only later.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
