import * as fs from "fs";
import * as path from "path";

/** `../shared/fixtures` beside the project: official NIIS manifests and Kubernetes PSA fixtures. */
const FIXTURES = path.resolve(__dirname, "..", "..", "..", "shared", "fixtures");
export const PSA_FIXTURES = path.join(FIXTURES, "pod-security-admission");
export const NIIS_FIXTURES = path.join(FIXTURES, "niis");

export function yamlFiles(dir: string): string[] {
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".yaml"))
        .sort()
        .map((f) => path.join(dir, f));
}
