import * as assert from "node:assert/strict";
import { ConfigValidationError } from "../../config";
import { formatIssue } from "../../config/checker";

/** Every issue of the ConfigValidationError that `load` throws, formatted as the user sees it; fails when it loads. */
export function configErrors(load: () => unknown): string[] {
    try {
        load();
    } catch (e) {
        assert.ok(e instanceof ConfigValidationError, `expected ConfigValidationError, got ${String(e)}`);
        return e.issues.map(formatIssue);
    }
    assert.fail("expected the config to be rejected");
}
