import * as pulumi from "@pulumi/pulumi";

/**
 * The Pulumi SDK captures a stack trace for every promise it creates (for its promise-leak report), and a full
 * one for every resource: `Resource.callsites` lifts the frame limit to infinity, formats the trace and parses
 * each frame into a file URL, to send the engine the resource's source position for its diagnostics. Offline,
 * none of it is used (the mock monitor ignores source positions), and it cost more than planning itself (dev
 * stack: 2.4 s to 1.7 s with native formatting; a 50-instance stack: 40 to about 25 ms per instance without
 * captured frames, and a further 3-4 % of the plan's CPU without the per-resource source positions).
 * So the offline tools capture no frames and compute no source positions, unless XROAD_PLAN_DEBUG=1 asks for
 * full traces to debug the program itself.
 */
export function useNativeStackTraces(): void {
    if (process.env.XROAD_PLAN_DEBUG === "1") return;
    Reflect.deleteProperty(Error, "prepareStackTrace");
    Error.stackTraceLimit = 0;
    // Private to the SDK (resource.js): every Resource constructor calls it through Resource.stackTrace.
    Reflect.set(pulumi.Resource, "callsites", () => []);
}
