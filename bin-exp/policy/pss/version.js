"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parsePssVersion = parsePssVersion;
exports.formatPssVersion = formatPssVersion;
/**
 * Pod Security Standards versions, as kubernetes/pod-security-admission api.ParseVersion reads them:
 * `latest` or `v1.<minor>` (we also accept `1.<minor>`). Versions newer than the newest check version
 * are clamped to it, exactly as the evaluator's `maxVersion` does.
 */
const PSS_NEWEST_CHECK_MINOR = 37;
function parsePssVersion(text) {
    if (text === undefined || text === "" || text === "latest")
        return { minor: PSS_NEWEST_CHECK_MINOR, latest: true };
    const m = /^v?1\.(0|[1-9][0-9]*)$/.exec(text);
    if (!m)
        return undefined;
    return { minor: Math.min(Number(m[1]), PSS_NEWEST_CHECK_MINOR), latest: false };
}
function formatPssVersion(v) {
    return v.latest ? "latest" : `v1.${v.minor}`;
}
