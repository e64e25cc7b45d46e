import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { isProviderTypeAlias } from "../../plan/offline-aliases";

describe("offline plan: provider type aliases", () => {
    const resourceGroup = "azure-native:resources:ResourceGroup";
    const olderVersion = "azure-native:resources/v20151101:ResourceGroup";

    it("drops the API-version aliases azure-native and Kubernetes generate for their own types", () => {
        assert.equal(isProviderTypeAlias(resourceGroup, { type: olderVersion }), true);
        assert.equal(isProviderTypeAlias("kubernetes:apps/v1:Deployment", { type: "kubernetes:extensions/v1beta1:Deployment" }), true);
    });

    it("keeps every alias a program could have written: other packages, names, parents, URNs, unknowns", () => {
        const kept: pulumi.Input<string | pulumi.Alias>[] = [
            { type: "xroad:azure:OldGroup" },
            { name: "old-name" },
            { type: olderVersion, name: "old" },
            { type: olderVersion, project: "another-project" },
            "urn:pulumi:dev::xroad-sidecar::azure-native:resources:ResourceGroup::old",
            pulumi.output({ type: olderVersion }),
            { type: pulumi.output(olderVersion) },
            { type: resourceGroup },
        ];
        kept.forEach((alias, index) => assert.equal(isProviderTypeAlias(resourceGroup, alias), false, `kept[${index}]`));
    });

    it("keeps a type alias of the program's own components (a rename that must keep existing stacks' URNs)", () => {
        assert.equal(isProviderTypeAlias("xroad:kubernetes:SidecarStatefulServer", { type: "xroad:kubernetes:SidecarPrimary" }), false);
    });
});
