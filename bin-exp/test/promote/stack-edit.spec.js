"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const yaml_1 = require("yaml");
const release_1 = require("../../config/release");
const promote_yaml_1 = require("../../plan/promote-yaml");
const RELEASE = {
    ...release_1.RELEASE_DEFAULTS,
    sidecarVersion: "7.8.0",
    kubernetesVersion: "1.34",
    eksAddonVersions: { "vpc-cni": "v1.20.4-eksbuild.1", coredns: "v1.12.3-eksbuild.1" },
    clusterAutoscalerImageTag: "v1.34.0",
};
/** The release object as Pulumi would read it back from the edited file. */
function releaseOf(text) {
    return (0, yaml_1.parse)(text).config["xroad-sidecar:release"];
}
const EXPECTED_OBJECT = {
    sidecarVersion: "7.8.0",
    imageRepository: release_1.RELEASE_DEFAULTS.imageRepository,
    kubernetesVersion: "1.34",
    calicoChartVersion: release_1.RELEASE_DEFAULTS.calicoChartVersion,
    metricsServerChartVersion: release_1.RELEASE_DEFAULTS.metricsServerChartVersion,
    eksAddonVersions: { "vpc-cni": "v1.20.4-eksbuild.1", coredns: "v1.12.3-eksbuild.1" },
    eksNodeReleaseVersion: "",
    clusterAutoscalerChartVersion: release_1.RELEASE_DEFAULTS.clusterAutoscalerChartVersion,
    clusterAutoscalerImageTag: "v1.34.0",
    awsArchiverImage: release_1.RELEASE_DEFAULTS.awsArchiverImage,
    azureArchiverImage: release_1.RELEASE_DEFAULTS.azureArchiverImage,
};
describe("promote: editing the release in a stack file", () => {
    it("changes only the release values of a commented file: every other byte stays", () => {
        const before = [
            "# Production stack: change with care.",
            "config:",
            "    # where it runs",
            "    xroad-sidecar:target:   existing   # our own cluster",
            "",
            "    # Pinned release, promoted from dev.",
            "    xroad-sidecar:release:  # see npm run promote",
            "        sidecarVersion: '7.6.0'   # the version in production",
            "        # the chart we tested",
            "        calicoChartVersion: v3.30.0",
            "        eksAddonVersions:",
            "            vpc-cni: v1.19.0-eksbuild.1   # pinned after incident 42",
            "            kube-proxy: v1.33.0-eksbuild.2",
            "",
            "    # one instance",
            "    xroad-sidecar:instances:",
            "        - name: sidecar   # the only one",
            "          flavour: slim",
            "# end of file",
            "",
        ].join("\n");
        const after = (0, promote_yaml_1.setReleaseInStackFile)(before, RELEASE);
        assert.equal(after, [
            "# Production stack: change with care.",
            "config:",
            "    # where it runs",
            "    xroad-sidecar:target:   existing   # our own cluster",
            "",
            "    # Pinned release, promoted from dev.",
            "    xroad-sidecar:release:  # see npm run promote",
            "        sidecarVersion: '7.8.0'   # the version in production",
            "        # the chart we tested",
            `        calicoChartVersion: ${release_1.RELEASE_DEFAULTS.calicoChartVersion}`,
            "        eksAddonVersions:",
            "            vpc-cni: v1.20.4-eksbuild.1   # pinned after incident 42",
            "            coredns: v1.12.3-eksbuild.1",
            `        imageRepository: ${release_1.RELEASE_DEFAULTS.imageRepository}`,
            '        kubernetesVersion: "1.34"',
            `        metricsServerChartVersion: ${release_1.RELEASE_DEFAULTS.metricsServerChartVersion}`,
            '        eksNodeReleaseVersion: ""',
            `        clusterAutoscalerChartVersion: ${release_1.RELEASE_DEFAULTS.clusterAutoscalerChartVersion}`,
            "        clusterAutoscalerImageTag: v1.34.0",
            `        awsArchiverImage: ${release_1.RELEASE_DEFAULTS.awsArchiverImage}`,
            `        azureArchiverImage: ${release_1.RELEASE_DEFAULTS.azureArchiverImage}`,
            "",
            "    # one instance",
            "    xroad-sidecar:instances:",
            "        - name: sidecar   # the only one",
            "          flavour: slim",
            "# end of file",
            "",
        ].join("\n"));
        assert.deepEqual(releaseOf(after), EXPECTED_OBJECT);
    });
    it("adds the whole release, explicit, after the last setting when the target has none", () => {
        const before = "# dev\nconfig:\n  xroad-sidecar:target: existing # here\n  xroad-sidecar:environment: development\n";
        const after = (0, promote_yaml_1.setReleaseInStackFile)(before, RELEASE);
        assert.ok(after.startsWith(before), "the existing text is kept as it was");
        assert.equal(after.slice(before.length), [
            "  xroad-sidecar:release:",
            "    sidecarVersion: 7.8.0",
            `    imageRepository: ${release_1.RELEASE_DEFAULTS.imageRepository}`,
            '    kubernetesVersion: "1.34"',
            `    calicoChartVersion: ${release_1.RELEASE_DEFAULTS.calicoChartVersion}`,
            `    metricsServerChartVersion: ${release_1.RELEASE_DEFAULTS.metricsServerChartVersion}`,
            "    eksAddonVersions:",
            "      vpc-cni: v1.20.4-eksbuild.1",
            "      coredns: v1.12.3-eksbuild.1",
            '    eksNodeReleaseVersion: ""',
            `    clusterAutoscalerChartVersion: ${release_1.RELEASE_DEFAULTS.clusterAutoscalerChartVersion}`,
            "    clusterAutoscalerImageTag: v1.34.0",
            `    awsArchiverImage: ${release_1.RELEASE_DEFAULTS.awsArchiverImage}`,
            `    azureArchiverImage: ${release_1.RELEASE_DEFAULTS.azureArchiverImage}`,
            "",
        ].join("\n"));
        assert.deepEqual(releaseOf(after), EXPECTED_OBJECT);
    });
    it("appends after a trailing list, not inside it", () => {
        const before = [
            "config:",
            "  xroad-sidecar:target: existing",
            "  xroad-sidecar:instances:",
            "    - name: a",
            "      network:",
            "        consumerNamespaces: [apps, batch]  # who calls us",
            "    - name: b # second",
            "",
        ].join("\n");
        const after = (0, promote_yaml_1.setReleaseInStackFile)(before, release_1.RELEASE_DEFAULTS);
        assert.ok(after.startsWith(before));
        assert.match(after.slice(before.length), /^ {2}xroad-sidecar:release:\n {4}sidecarVersion: /);
        const config = (0, yaml_1.parse)(after).config;
        assert.deepEqual(config["xroad-sidecar:instances"], [
            { name: "a", network: { consumerNamespaces: ["apps", "batch"] } },
            { name: "b" },
        ]);
    });
    it("indents a new nested map by the step the file's release uses", () => {
        const before = "config:\n    xroad-sidecar:release:\n        sidecarVersion: 7.6.0\n    xroad-sidecar:target: existing\n";
        const after = (0, promote_yaml_1.setReleaseInStackFile)(before, RELEASE).split("\n");
        const addons = after.indexOf("        eksAddonVersions:");
        assert.ok(addons > 0, after.join("\n"));
        assert.deepEqual(after.slice(addons + 1, addons + 3), [
            "            vpc-cni: v1.20.4-eksbuild.1",
            "            coredns: v1.12.3-eksbuild.1",
        ]);
        assert.deepEqual(releaseOf(after.join("\n")), EXPECTED_OBJECT);
    });
    it("terminates an unterminated last line before appending", () => {
        const after = (0, promote_yaml_1.setReleaseInStackFile)("config:\n  xroad-sidecar:target: existing", release_1.RELEASE_DEFAULTS);
        assert.ok(after.startsWith("config:\n  xroad-sidecar:target: existing\n  xroad-sidecar:release:\n"));
        assert.equal(releaseOf(after).sidecarVersion, release_1.RELEASE_DEFAULTS.sidecarVersion);
    });
    it("empties pinned add-ons on their own line when the source pins none", () => {
        const before = [
            "config:",
            "  xroad-sidecar:release:",
            "    sidecarVersion: 7.6.0",
            "    eksAddonVersions:   # pinned",
            "      vpc-cni: v1.19.0-eksbuild.1",
            "    awsArchiverImage: public.ecr.aws/aws-cli/aws-cli:2.31.39",
            "  xroad-sidecar:target: existing # after",
            "",
        ].join("\n");
        const after = (0, promote_yaml_1.setReleaseInStackFile)(before, release_1.RELEASE_DEFAULTS);
        const lines = after.split("\n");
        assert.equal(lines[3], "    eksAddonVersions: {}");
        assert.equal(lines[4], `    awsArchiverImage: ${release_1.RELEASE_DEFAULTS.awsArchiverImage}`);
        assert.ok(after.endsWith("  xroad-sidecar:target: existing # after\n"));
        assert.deepEqual(releaseOf(after).eksAddonVersions, {});
    });
    it("replaces a flow-style or JSON-string release on its own line", () => {
        for (const value of ["{sidecarVersion: 7.6.0}", `'{"sidecarVersion":"7.6.0"}'`]) {
            const before = `config:\n  xroad-sidecar:release: ${value}   # inline\n  xroad-sidecar:target: existing\n`;
            const after = (0, promote_yaml_1.setReleaseInStackFile)(before, RELEASE);
            const lines = after.split("\n");
            assert.match(lines[1], /^ {2}xroad-sidecar:release: \{ sidecarVersion: 7\.8\.0, .* \} {3}# inline$/);
            assert.equal(lines.slice(2).join("\n"), "  xroad-sidecar:target: existing\n");
            assert.deepEqual(releaseOf(after), EXPECTED_OBJECT);
        }
    });
    it("leaves a file that already pins the release unchanged", () => {
        const once = (0, promote_yaml_1.setReleaseInStackFile)("config:\n  xroad-sidecar:target: existing\n", RELEASE);
        assert.equal((0, promote_yaml_1.setReleaseInStackFile)(once, RELEASE), once);
    });
});
