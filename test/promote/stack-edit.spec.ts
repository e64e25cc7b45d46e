import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { RELEASE_DEFAULTS, ReleaseConfig } from "../../config/release";
import { setReleaseInStackFile } from "../../plan/promote-yaml";

const RELEASE: ReleaseConfig = {
    ...RELEASE_DEFAULTS,
    sidecarVersion: "7.8.0",
    kubernetesVersion: "1.34",
    eksAddonVersions: { "vpc-cni": "v1.20.4-eksbuild.1", coredns: "v1.12.3-eksbuild.1" },
    clusterAutoscalerImageTag: "v1.34.0",
};

/** The release object as Pulumi would read it back from the edited file. */
function releaseOf(text: string): unknown {
    return (parse(text) as { config: Record<string, unknown> }).config["xroad-sidecar:release"];
}

const EXPECTED_OBJECT = {
    sidecarVersion: "7.8.0",
    imageRepository: RELEASE_DEFAULTS.imageRepository,
    kubernetesVersion: "1.34",
    calicoChartVersion: RELEASE_DEFAULTS.calicoChartVersion,
    metricsServerChartVersion: RELEASE_DEFAULTS.metricsServerChartVersion,
    eksAddonVersions: { "vpc-cni": "v1.20.4-eksbuild.1", coredns: "v1.12.3-eksbuild.1" },
    eksNodeReleaseVersion: "",
    clusterAutoscalerChartVersion: RELEASE_DEFAULTS.clusterAutoscalerChartVersion,
    clusterAutoscalerImageTag: "v1.34.0",
    awsArchiverImage: RELEASE_DEFAULTS.awsArchiverImage,
    azureArchiverImage: RELEASE_DEFAULTS.azureArchiverImage,
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
        const after = setReleaseInStackFile(before, RELEASE);
        assert.equal(
            after,
            [
                "# Production stack: change with care.",
                "config:",
                "    # where it runs",
                "    xroad-sidecar:target:   existing   # our own cluster",
                "",
                "    # Pinned release, promoted from dev.",
                "    xroad-sidecar:release:  # see npm run promote",
                "        sidecarVersion: '7.8.0'   # the version in production",
                "        # the chart we tested",
                `        calicoChartVersion: ${RELEASE_DEFAULTS.calicoChartVersion}`,
                "        eksAddonVersions:",
                "            vpc-cni: v1.20.4-eksbuild.1   # pinned after incident 42",
                "            coredns: v1.12.3-eksbuild.1",
                `        imageRepository: ${RELEASE_DEFAULTS.imageRepository}`,
                '        kubernetesVersion: "1.34"',
                `        metricsServerChartVersion: ${RELEASE_DEFAULTS.metricsServerChartVersion}`,
                '        eksNodeReleaseVersion: ""',
                `        clusterAutoscalerChartVersion: ${RELEASE_DEFAULTS.clusterAutoscalerChartVersion}`,
                "        clusterAutoscalerImageTag: v1.34.0",
                `        awsArchiverImage: ${RELEASE_DEFAULTS.awsArchiverImage}`,
                `        azureArchiverImage: ${RELEASE_DEFAULTS.azureArchiverImage}`,
                "",
                "    # one instance",
                "    xroad-sidecar:instances:",
                "        - name: sidecar   # the only one",
                "          flavour: slim",
                "# end of file",
                "",
            ].join("\n"),
        );
        assert.deepEqual(releaseOf(after), EXPECTED_OBJECT);
    });

    it("adds the whole release, explicit, after the last setting when the target has none", () => {
        const before = "# dev\nconfig:\n  xroad-sidecar:target: existing # here\n  xroad-sidecar:environment: development\n";
        const after = setReleaseInStackFile(before, RELEASE);
        assert.ok(after.startsWith(before), "the existing text is kept as it was");
        assert.equal(
            after.slice(before.length),
            [
                "  xroad-sidecar:release:",
                "    sidecarVersion: 7.8.0",
                `    imageRepository: ${RELEASE_DEFAULTS.imageRepository}`,
                '    kubernetesVersion: "1.34"',
                `    calicoChartVersion: ${RELEASE_DEFAULTS.calicoChartVersion}`,
                `    metricsServerChartVersion: ${RELEASE_DEFAULTS.metricsServerChartVersion}`,
                "    eksAddonVersions:",
                "      vpc-cni: v1.20.4-eksbuild.1",
                "      coredns: v1.12.3-eksbuild.1",
                '    eksNodeReleaseVersion: ""',
                `    clusterAutoscalerChartVersion: ${RELEASE_DEFAULTS.clusterAutoscalerChartVersion}`,
                "    clusterAutoscalerImageTag: v1.34.0",
                `    awsArchiverImage: ${RELEASE_DEFAULTS.awsArchiverImage}`,
                `    azureArchiverImage: ${RELEASE_DEFAULTS.azureArchiverImage}`,
                "",
            ].join("\n"),
        );
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
        const after = setReleaseInStackFile(before, RELEASE_DEFAULTS);
        assert.ok(after.startsWith(before));
        assert.match(after.slice(before.length), /^ {2}xroad-sidecar:release:\n {4}sidecarVersion: /);
        const config = (parse(after) as { config: Record<string, unknown> }).config;
        assert.deepEqual(config["xroad-sidecar:instances"], [
            { name: "a", network: { consumerNamespaces: ["apps", "batch"] } },
            { name: "b" },
        ]);
    });

    it("indents a new nested map by the step the file's release uses", () => {
        const before = "config:\n    xroad-sidecar:release:\n        sidecarVersion: 7.6.0\n    xroad-sidecar:target: existing\n";
        const after = setReleaseInStackFile(before, RELEASE).split("\n");
        const addons = after.indexOf("        eksAddonVersions:");
        assert.ok(addons > 0, after.join("\n"));
        assert.deepEqual(after.slice(addons + 1, addons + 3), [
            "            vpc-cni: v1.20.4-eksbuild.1",
            "            coredns: v1.12.3-eksbuild.1",
        ]);
        assert.deepEqual(releaseOf(after.join("\n")), EXPECTED_OBJECT);
    });

    it("terminates an unterminated last line before appending", () => {
        const after = setReleaseInStackFile("config:\n  xroad-sidecar:target: existing", RELEASE_DEFAULTS);
        assert.ok(after.startsWith("config:\n  xroad-sidecar:target: existing\n  xroad-sidecar:release:\n"));
        assert.equal((releaseOf(after) as { sidecarVersion: string }).sidecarVersion, RELEASE_DEFAULTS.sidecarVersion);
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
        const after = setReleaseInStackFile(before, RELEASE_DEFAULTS);
        const lines = after.split("\n");
        assert.equal(lines[3], "    eksAddonVersions: {}");
        assert.equal(lines[4], `    awsArchiverImage: ${RELEASE_DEFAULTS.awsArchiverImage}`);
        assert.ok(after.endsWith("  xroad-sidecar:target: existing # after\n"));
        assert.deepEqual((releaseOf(after) as { eksAddonVersions: unknown }).eksAddonVersions, {});
    });

    it("replaces a flow-style or JSON-string release on its own line", () => {
        for (const value of ["{sidecarVersion: 7.6.0}", `'{"sidecarVersion":"7.6.0"}'`]) {
            const before = `config:\n  xroad-sidecar:release: ${value}   # inline\n  xroad-sidecar:target: existing\n`;
            const after = setReleaseInStackFile(before, RELEASE);
            const lines = after.split("\n");
            assert.match(lines[1], /^ {2}xroad-sidecar:release: \{ sidecarVersion: 7\.8\.0, .* \} {3}# inline$/);
            assert.equal(lines.slice(2).join("\n"), "  xroad-sidecar:target: existing\n");
            assert.deepEqual(releaseOf(after), EXPECTED_OBJECT);
        }
    });

    it("rewrites a changed scalar through the CST: every byte outside the edited scalars stays", () => {
        const from: ReleaseConfig = {
            ...RELEASE_DEFAULTS,
            sidecarVersion: "7.6.0",
            kubernetesVersion: "1.33",
            eksAddonVersions: { "vpc-cni": "v1.19.0-eksbuild.1", coredns: "v1.11.4-eksbuild.2" },
            eksNodeReleaseVersion: "1.33.5-20251016",
            clusterAutoscalerImageTag: "v1.33.1",
        };
        const to: ReleaseConfig = {
            ...from,
            sidecarVersion: "7.8.0",
            kubernetesVersion: "1.34",
            eksAddonVersions: { ...from.eksAddonVersions, coredns: "v1.12.3-eksbuild.1" },
            eksNodeReleaseVersion: "",
            clusterAutoscalerImageTag: "v1.34.0",
        };
        const file = (release: ReleaseConfig, edited: { [key: string]: string }) =>
            [
                "# Production stack: change with care.",
                "config:",
                "    xroad-sidecar:target:   existing   # our own cluster",
                "    xroad-sidecar:tags: &tags { team: platform, 'cost-centre': \"42\" }",
                "    xroad-sidecar:labels: *tags",
                "    xroad-sidecar:zones: [a, 'b', \"c\"]",
                "",
                "    # Pinned release, promoted from dev.",
                "    xroad-sidecar:release:   # see npm run promote",
                `        sidecarVersion: &sidecar ${edited.sidecarVersion}   # the version in production`,
                `        imageRepository: "${release.imageRepository}"`,
                `        kubernetesVersion:   ${edited.kubernetesVersion}`,
                "        # the chart we tested",
                `        calicoChartVersion: '${release.calicoChartVersion}'`,
                `        metricsServerChartVersion: ${release.metricsServerChartVersion}`,
                "        eksAddonVersions:",
                `            vpc-cni: ${release.eksAddonVersions["vpc-cni"]}   # pinned after incident 42`,
                "",
                `            coredns:    ${edited.coredns}  # DNS`,
                `        eksNodeReleaseVersion: ${edited.eksNodeReleaseVersion}`,
                `        clusterAutoscalerChartVersion: ${release.clusterAutoscalerChartVersion}`,
                `        clusterAutoscalerImageTag: !!str ${edited.clusterAutoscalerImageTag}`,
                `        awsArchiverImage: ${release.awsArchiverImage}`,
                `        azureArchiverImage: ${release.azureArchiverImage}`,
                "    xroad-sidecar:sidecar: *sidecar",
                "# end of file",
                "",
            ].join("\n");
        const before = file(from, {
            sidecarVersion: "'7.6.0'",
            kubernetesVersion: '"1.33"',
            coredns: "v1.11.4-eksbuild.2",
            eksNodeReleaseVersion: "1.33.5-20251016",
            clusterAutoscalerImageTag: "v1.33.1",
        });
        const after = setReleaseInStackFile(before, to);
        // Each scalar keeps its quoting, anchor, tag and comment; a plain value that would read as null is quoted.
        assert.equal(
            after,
            file(from, {
                sidecarVersion: "'7.8.0'",
                kubernetesVersion: '"1.34"',
                coredns: "v1.12.3-eksbuild.1",
                eksNodeReleaseVersion: '""',
                clusterAutoscalerImageTag: "v1.34.0",
            }),
        );
        assert.deepEqual(releaseOf(after), to);
        const config = (parse(after) as { config: Record<string, unknown> }).config;
        assert.deepEqual(config["xroad-sidecar:labels"], { team: "platform", "cost-centre": "42" });
        assert.equal(config["xroad-sidecar:sidecar"], "7.8.0", "the alias follows its anchored scalar");
        assert.equal(setReleaseInStackFile(after, to), after);
    });

    it("leaves a file that already pins the release unchanged", () => {
        const once = setReleaseInStackFile("config:\n  xroad-sidecar:target: existing\n", RELEASE);
        assert.equal(setReleaseInStackFile(once, RELEASE), once);
    });
});
