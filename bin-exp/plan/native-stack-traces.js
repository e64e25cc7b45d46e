"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.useNativeStackTraces = useNativeStackTraces;
/**
 * The Pulumi SDK captures a stack trace for every promise it creates (for its promise-leak report) and
 * every resource (source positions). Under ts-node each capture is also mapped through source maps.
 * Offline, neither is used, and together they cost more than planning itself (dev stack: 2.4 s to 1.7 s
 * with native formatting; a 50-instance stack: 40 to about 25 ms per instance without captured frames).
 * So the offline tools format stacks natively and capture no frames, unless XROAD_PLAN_DEBUG=1 asks for
 * full, source-mapped traces to debug the program itself.
 */
function useNativeStackTraces() {
    if (process.env.XROAD_PLAN_DEBUG === "1")
        return;
    Reflect.deleteProperty(Error, "prepareStackTrace");
    Error.stackTraceLimit = 0;
}
