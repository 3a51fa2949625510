// The part of mailauth (a JavaScript package without types) the tests use: its DKIM verifier.
declare module "mailauth/lib/dkim/verify" {
  type Resolver = (name: string, type: string) => Promise<unknown>;
  type DkimResult = { signingDomain: string; selector: string; status: { result: string; comment?: string } };
  export function dkimVerify(message: Buffer, options?: { resolver?: Resolver }): Promise<{ results: DkimResult[] }>;
}
