import * as assert from "node:assert/strict";
import { errorsOf, loadAzure, prodAzure } from "./fixtures";

describe("azure configuration", () => {
    it("accepts the production fixture and applies production defaults", () => {
        const { azure } = loadAzure(prodAzure());
        assert.deepEqual(azure.availabilityZones, ["1", "2", "3"]);
        assert.equal(azure.database.zoneRedundantHa, true);
        assert.equal(azure.database.tier, "GeneralPurpose");
        assert.equal(azure.logRetentionDays, 365);
        assert.equal(azure.auditCategory, "kube-audit-admin");
        assert.equal(azure.kubeloginMode, "azurecli");
        assert.equal(azure.secretsEncryption, true);
    });

    it("requires an Entra ID admin group, because local accounts are disabled", () => {
        assert.deepEqual(errorsOf({ ...prodAzure(), adminGroupObjectIds: [] }), [
            "xroad-sidecar:azure.adminGroupObjectIds: [] is not valid; allowed: at least one Entra ID group object ID: local accounts are disabled, so these groups administer the cluster (guide §4.2)",
        ]);
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
                'xroad-sidecar:azure.userNodePool.vmSize: "Standard_D4ps_v5" is not valid; allowed: an Azure VM size such as Standard_D4s_v5 (x86-64: NIIS publishes amd64 images only)',
                'xroad-sidecar:azure.systemNodePool.vmSize: "Standard_D2pls_v5" is not valid; allowed: an Azure VM size such as Standard_D4s_v5 (x86-64: NIIS publishes amd64 images only)',
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
});
