import * as assert from "node:assert/strict";
import { loadStackConfig } from "../../config";
import { configErrors } from "../config/errors";

const names = { project: "xroad-sidecar", stack: "test" };

function load(instance: Record<string, unknown>) {
    return loadStackConfig({ "xroad-sidecar:target": "existing", "xroad-sidecar:instances": JSON.stringify([instance]) }, names);
}

function errorsOf(instance: Record<string, unknown>): string[] {
    return configErrors(() => load(instance));
}

describe("Sidecar instance config: database egress and archiver resources", () => {
    it("defaults the database egress to the host's /32 when the host is an address", () => {
        const cfg = load({ name: "a", topology: "primary-secondaries", database: { mode: "external", host: "10.1.2.3" } });
        assert.deepEqual(cfg.instances[0].database.external?.egressCidrs, ["10.1.2.3/32"]);
    });

    it("requires egress CIDRs for a database given by host name: NetworkPolicy cannot match names", () => {
        assert.deepEqual(errorsOf({ name: "a", topology: "primary-secondaries", database: { mode: "external", host: "db.example.org" } }), [
            'xroad-sidecar:instances[0].database.egressCidrs: (not set) is not valid; allowed: the CIDRs that db.example.org resolves into, such as ["10.20.0.0/24"] (NetworkPolicy matches addresses, not host names)',
        ]);
    });

    it("rejects egress CIDRs on a database that is not external", () => {
        assert.deepEqual(errorsOf({ name: "a", database: { mode: "local", egressCidrs: ["10.0.0.0/8"] } }), [
            'xroad-sidecar:instances[0].database.egressCidrs: ["10.0.0.0/8"] is not valid; allowed: nothing: only database mode external takes egressCidrs',
        ]);
    });

    it("gives the archiver small default resources and rejects requests above limits", () => {
        assert.deepEqual(load({ name: "a" }).instances[0].archiving.resources, {
            requests: { cpu: "100m", memory: "256Mi" },
            limits: { cpu: "500m", memory: "512Mi" },
        });
        assert.deepEqual(errorsOf({ name: "a", archiving: { resources: { requests: { memory: "1Gi" }, limits: { memory: "512Mi" } } } }), [
            'xroad-sidecar:instances[0].archiving.resources.requests.memory: "1Gi" is not valid; allowed: a value not above instances[0].archiving.resources.limits.memory (512Mi)',
        ]);
    });
});
