import * as assert from "node:assert/strict";
import { loadStackConfig } from "../../config";
import { DEPLOYER, errorsOf, loadAzure, names, prodAzure, rawConfig } from "./fixtures";

describe("azure configuration", () => {
    it("accepts the production fixture and applies production defaults", () => {
        const { azure } = loadAzure(prodAzure());
        assert.deepEqual(azure.availabilityZones, ["1", "2", "3"]);
        assert.equal(azure.database.zoneRedundantHa, true);
        assert.equal(azure.database.tier, "GeneralPurpose");
        assert.equal(azure.logRetentionDays, 365);
        // issue 16: the Secret-read and exec alerts need the reads kube-audit-admin leaves out.
        assert.equal(azure.auditCategory, "kube-audit");
        assert.equal(azure.kubeloginMode, "azurecli");
        assert.equal(azure.secretsEncryption, true);
    });

    it("keeps share backups 30 days in production and 7 otherwise, daily at a time Azure Backup accepts (review azure B10)", () => {
        assert.deepEqual(loadAzure(prodAzure()).azure.filesBackup, { retentionDays: 30, time: "02:00" });
        const dev = loadAzure(prodAzure(), { environment: "development", instances: [{ name: "sidecar" }] });
        assert.equal(dev.azure.filesBackup.retentionDays, 7);
        assert.deepEqual(errorsOf({ ...prodAzure(), filesBackup: { retentionDays: 201, time: "02:15" } }), [
            "xroad-sidecar:azure.filesBackup.retentionDays: 201 is not valid; allowed: an integer from 1 to 200",
            'xroad-sidecar:azure.filesBackup.time: "02:15" is not valid; allowed: a UTC time HH:00 or HH:30 such as 02:00',
        ]);
    });

    it("requires an Entra ID admin group, because local accounts are disabled", () => {
        assert.deepEqual(errorsOf({ ...prodAzure(), adminGroupObjectIds: [] }), [
            "xroad-sidecar:azure.adminGroupObjectIds: [] is not valid; allowed: at least one Entra ID group object ID: local accounts are disabled, so these groups administer the cluster (guide §4.2)",
        ]);
    });

    it("says a private cluster is deployed from inside its network, and refuses authorized ranges it would ignore (azure.md A10)", () => {
        const config = loadAzure({ ...prodAzure(), authorizedIpRanges: [], privateCluster: true });
        assert.ok(
            config.warnings.some(
                (w) =>
                    w.includes("azure.privateCluster is true: run pulumi up from inside the VNet") &&
                    w.includes("README: Private clusters"),
            ),
            config.warnings.join("\n"),
        );
        assert.deepEqual(errorsOf({ ...prodAzure(), authorizedIpRanges: ["81.22.160.0/24"], privateCluster: true }), [
            'xroad-sidecar:azure.authorizedIpRanges: ["81.22.160.0/24"] is not valid; allowed: none with xroad-sidecar:azure.privateCluster: true: a private cluster has no public endpoint to restrict',
        ]);
        assert.ok(!loadAzure(prodAzure()).warnings.some((w) => w.includes("privateCluster")));
    });

    it("refuses an API server open to the internet in production", () => {
        assert.deepEqual(errorsOf({ ...prodAzure(), authorizedIpRanges: [] }), [
            "xroad-sidecar:azure.authorizedIpRanges: [] is not valid; allowed: at least one CIDR in production, or xroad-sidecar:azure.privateCluster: true; the API server must not be open to the internet",
        ]);
        assert.doesNotThrow(() => loadAzure({ ...prodAzure(), authorizedIpRanges: [], privateCluster: true }));
        assert.doesNotThrow(() =>
            loadAzure({ ...prodAzure(), authorizedIpRanges: [] }, { environment: "development", instances: [{ name: "sidecar" }] }),
        );
    });

    it("requires subnets inside the VNet that do not overlap", () => {
        assert.deepEqual(errorsOf({ ...prodAzure(), databaseSubnetCidr: "10.31.0.0/24", privateEndpointSubnetCidr: "10.30.0.128/25" }), [
            'xroad-sidecar:azure.databaseSubnetCidr: "10.31.0.0/24" is not valid; allowed: a CIDR inside xroad-sidecar:azure.vnetCidr (10.30.0.0/16)',
            'xroad-sidecar:azure.privateEndpointSubnetCidr: "10.30.0.128/25" is not valid; allowed: a CIDR that does not overlap xroad-sidecar:azure.nodeSubnetCidr (10.30.0.0/20)',
        ]);
    });

    it("keeps the VNet clear of the cluster's pod and service ranges", () => {
        assert.deepEqual(
            errorsOf({
                ...prodAzure(),
                vnetCidr: "10.240.0.0/12",
                nodeSubnetCidr: "10.240.0.0/20",
                databaseSubnetCidr: "10.240.16.0/24",
                privateEndpointSubnetCidr: "10.240.17.0/24",
                apiServerSubnetCidr: "10.240.18.0/28",
            }),
            [
                'xroad-sidecar:azure.vnetCidr: "10.240.0.0/12" is not valid; allowed: a CIDR that does not overlap the AKS pod range 10.244.0.0/16',
                'xroad-sidecar:azure.vnetCidr: "10.240.0.0/12" is not valid; allowed: a CIDR that does not overlap the AKS service range 10.245.0.0/16',
            ],
        );
    });

    it("needs a fixed private IP in the node subnet for an internal load balancer, and only then", () => {
        assert.deepEqual(errorsOf({ ...prodAzure(), loadBalancer: { internal: true } }), [
            "xroad-sidecar:azure.loadBalancer.privateIp: (not set) is not valid; allowed: an IPv4 address in the node subnet: an internal load balancer needs a fixed address to register in the global configuration",
        ]);
        assert.deepEqual(errorsOf({ ...prodAzure(), loadBalancer: { internal: true, privateIp: "10.30.16.5" } }), [
            'xroad-sidecar:azure.loadBalancer.privateIp: "10.30.16.5" is not valid; allowed: an IPv4 address in xroad-sidecar:azure.nodeSubnetCidr (10.30.0.0/20)',
        ]);
        assert.deepEqual(errorsOf({ ...prodAzure(), loadBalancer: { privateIp: "10.30.1.5" } }), [
            'xroad-sidecar:azure.loadBalancer.privateIp: "10.30.1.5" is not valid; allowed: nothing unless xroad-sidecar:azure.loadBalancer.internal is true (the public address is a static public IP)',
        ]);
        assert.equal(
            loadAzure({ ...prodAzure(), loadBalancer: { internal: true, privateIp: "10.30.1.5" } }).azure.loadBalancer.privateIp,
            "10.30.1.5",
        );
    });

    it("refuses zone-redundant HA on the Burstable tier", () => {
        assert.deepEqual(errorsOf({ ...prodAzure(), database: { tier: "Burstable", skuName: "Standard_B2ms" } }), [
            "xroad-sidecar:azure.database.zoneRedundantHa: true is not valid; allowed: false for the Burstable tier (high availability needs GeneralPurpose or MemoryOptimized in xroad-sidecar:azure.database.tier)",
        ]);
    });

    it("refuses write-once archives that outlive their lifecycle deletion", () => {
        assert.deepEqual(errorsOf({ ...prodAzure(), archive: { deleteAfterDays: 365, immutabilityDays: 400 } }), [
            "xroad-sidecar:azure.archive.immutabilityDays: 400 is not valid; allowed: a value not above xroad-sidecar:azure.archive.deleteAfterDays (365): the lifecycle rule cannot delete write-once archives",
        ]);
    });

    it("refuses Arm64 node sizes: NIIS publishes amd64 images only", () => {
        assert.deepEqual(
            errorsOf({ ...prodAzure(), userNodePool: { vmSize: "Standard_D4ps_v5" }, systemNodePool: { vmSize: "Standard_D2pls_v5" } }),
            [
                // In the schema's order: the system pool is declared first.
                'xroad-sidecar:azure.systemNodePool.vmSize: "Standard_D2pls_v5" is not valid; allowed: an Azure VM size such as Standard_D4s_v5 (x86-64: NIIS publishes amd64 images only)',
                'xroad-sidecar:azure.userNodePool.vmSize: "Standard_D4ps_v5" is not valid; allowed: an Azure VM size such as Standard_D4s_v5 (x86-64: NIIS publishes amd64 images only)',
            ],
        );
        for (const size of ["Standard_D4s_v5", "Standard_D4as_v5", "Standard_D4ads_v5", "Standard_E4bds_v5", "Standard_D4lds_v6"]) {
            assert.equal(loadAzure({ ...prodAzure(), userNodePool: { vmSize: size } }).azure.userNodePool.vmSize, size);
        }
    });

    it("refuses a burstable B-series user pool: outside the capacity table, and too small for a Sidecar pod", () => {
        assert.ok(
            errorsOf({ ...prodAzure(), userNodePool: { vmSize: "Standard_B2ms" } }).some((e) =>
                e.includes("a VM size of the capacity table"),
            ),
        );
    });

    it("rejects an unknown kubelogin mode", () => {
        assert.deepEqual(errorsOf({ ...prodAzure(), kubeloginMode: "password" }), [
            'xroad-sidecar:azure.kubeloginMode: "password" is not valid; allowed: one of azurecli, workloadidentity, msi, spn, devicecode',
        ]);
    });

    it("requires the deploying identity: its object ID and principal type (issue 12)", () => {
        const { deployer: _, ...without } = prodAzure();
        assert.deepEqual(errorsOf(without), [
            "xroad-sidecar:azure.deployer.objectId: (not set) is not valid; allowed: the Entra ID object ID of the identity that runs pulumi up (az ad signed-in-user show --query id -o tsv)",
            "xroad-sidecar:azure.deployer.principalType: (not set) is not valid; allowed: one of User, ServicePrincipal, Group",
        ]);
        assert.deepEqual(errorsOf({ ...prodAzure(), deployer: { objectId: DEPLOYER, principalType: "ManagedIdentity" } }), [
            'xroad-sidecar:azure.deployer.principalType: "ManagedIdentity" is not valid; allowed: one of User, ServicePrincipal, Group',
        ]);
    });

    it("holds production to AKS's system-pool minimum (2 nodes, 4 vCPU) and warns below it in development", () => {
        assert.deepEqual(errorsOf({ ...prodAzure(), systemNodePool: { vmSize: "Standard_D2s_v5", count: 1 } }), [
            "xroad-sidecar:azure.systemNodePool.count: 1 is not valid; allowed: at least 2 nodes (AKS system pool minimum; 3 recommended)",
            'xroad-sidecar:azure.systemNodePool.vmSize: "Standard_D2s_v5" is not valid; allowed: a size with at least 4 vCPUs (AKS system pool minimum), such as Standard_D4ds_v5',
        ]);
        const dev = loadAzure(
            { ...prodAzure(), systemNodePool: { vmSize: "Standard_D2s_v5", count: 1 } },
            { environment: "development", instances: [{ name: "sidecar" }] },
        );
        assert.equal(dev.warnings.filter((w) => w.includes("below AKS's documented system-pool minimum")).length, 2);
        const defaults = loadAzure(prodAzure()).azure.systemNodePool;
        assert.deepEqual(defaults, { vmSize: "Standard_D4ds_v5", count: 3 });
    });

    it("needs an API server subnet of at least /28 inside the VNet", () => {
        assert.deepEqual(errorsOf({ ...prodAzure(), apiServerSubnetCidr: "10.30.18.0/29" }), [
            'xroad-sidecar:azure.apiServerSubnetCidr: "10.30.18.0/29" is not valid; allowed: a /28 or larger subnet (AKS API Server VNet Integration needs at least /28)',
        ]);
    });

    it("validates maintenance windows: a weekday, HH:MM, at least 4 hours, a UTC offset", () => {
        assert.deepEqual(
            errorsOf({
                ...prodAzure(),
                maintenance: { autoUpgrade: { dayOfWeek: "Sun", startTime: "25:00", durationHours: 2, utcOffset: "UTC" } },
            }),
            [
                'xroad-sidecar:azure.maintenance.autoUpgrade.dayOfWeek: "Sun" is not valid; allowed: one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
                'xroad-sidecar:azure.maintenance.autoUpgrade.startTime: "25:00" is not valid; allowed: a time HH:MM such as 01:00',
                "xroad-sidecar:azure.maintenance.autoUpgrade.durationHours: 2 is not valid; allowed: an integer from 4 to 24",
                'xroad-sidecar:azure.maintenance.autoUpgrade.utcOffset: "UTC" is not valid; allowed: a UTC offset such as +00:00 or +02:00',
            ],
        );
    });

    it("rejects up front a stack name whose derived AKS name (with the auto-name suffix) would exceed 63 characters", () => {
        const raw = rawConfig(prodAzure());
        assert.doesNotThrow(() => loadStackConfig(raw, { project: "xroad-sidecar", stack: "s".repeat(37) }, { offline: true }));
        assert.throws(
            () => loadStackConfig(raw, { project: "xroad-sidecar", stack: "s".repeat(38) }, { offline: true }),
            /derived Azure name xroad-sidecar-s{38}-aks \(\+8 auto-name characters, 64 in all\) fits 63 characters/,
        );
    });

    it("warns about placeholders offline, and refuses them in production under the real engine (issue 12 point 4)", () => {
        const offline = loadAzure(prodAzure());
        assert.deepEqual(
            offline.warnings.filter((w) => w.includes("placeholder")).map((w) => w.split(" is a placeholder")[0]),
            [
                "xroad-sidecar:azure.authorizedIpRanges[0]",
                "xroad-sidecar:azure.adminGroupObjectIds[0]",
                "xroad-sidecar:azure.namespaceOperatorGroupObjectIds[0]",
            ],
        );
        assert.deepEqual(errorsOf(prodAzure(), {}, false), [
            'xroad-sidecar:azure.authorizedIpRanges[0]: "203.0.113.0/24" is not valid; allowed: a real value: this is an RFC 5737 documentation range (203.0.113.0/24), which no real network uses',
            'xroad-sidecar:azure.adminGroupObjectIds[0]: "00000000-0000-4000-8000-0000000000aa" is not valid; allowed: a real value: this is an example GUID (almost all zeros), not a real object ID',
            'xroad-sidecar:azure.namespaceOperatorGroupObjectIds[0]: "00000000-0000-4000-8000-0000000000bb" is not valid; allowed: a real value: this is an example GUID (almost all zeros), not a real object ID',
        ]);
        // The default is the engine: fail closed.
        assert.throws(() => loadStackConfig(rawConfig(prodAzure()), names), /a real value/);
        // A development stack under the engine still only warns.
        const dev = loadAzure(prodAzure(), { environment: "development", instances: [{ name: "sidecar" }] }, false);
        assert.equal(dev.warnings.filter((w) => w.includes("placeholder")).length, 3);
        const real = {
            ...prodAzure(),
            authorizedIpRanges: ["81.22.160.0/24"],
            adminGroupObjectIds: ["7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"],
            namespaceOperatorGroupObjectIds: ["1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6"],
        };
        assert.equal(loadAzure(real, {}, false).warnings.length, 0);
    });
});
