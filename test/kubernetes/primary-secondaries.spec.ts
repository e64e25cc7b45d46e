import * as assert from "node:assert/strict";
import { LB_ANNOTATIONS, Scenario, publishedAddresses, scenario } from "./scenarios";
import { KubeKinds, objectsOfKind, theObject } from "./render";
import { selectorMatches } from "./label-selector";
import { sharedProxyHeap } from "../../components/kubernetes/java-heap";
import { isSecretValue } from "../../plan/mocks/secret";
import { SSH_PRIVATE_KEY_MODE, WORLD_BITS, XROAD_GID } from "../../policy/xroad/ssh";

const tcp = (port: number) => ({ protocol: "TCP", port });
const SIDECAR_PEER = (roles: string[]) => ({
    namespaceSelector: {},
    podSelector: {
        matchLabels: { "app.kubernetes.io/name": "xroad-security-server-sidecar" },
        matchExpressions: [{ key: "role", operator: "In", values: roles }],
    },
});

describe("primary and secondaries with an external database (NIIS §2.3)", () => {
    let s: Scenario;
    let primary: KubeKinds["StatefulSet"];
    let secondaries: KubeKinds["Deployment"];
    before(async () => {
        s = await scenario("primary-secondaries-external");
        primary = theObject(s.rendered.objects, "StatefulSet", "lb-primary");
        secondaries = theObject(s.rendered.objects, "Deployment", "lb-secondary");
    });

    it("keeps the URNs of stacks deployed before SidecarPrimary was renamed SidecarStatefulServer", () => {
        const servers = s.rendered.resources.filter((r) => r.type === "xroad:kubernetes:SidecarStatefulServer");
        assert.equal(servers.length, 1);
        // The engine matches the old component, and through it its children (the StatefulSet, the PVCs), by this alias.
        assert.deepEqual(servers[0].aliases, [{ type: "xroad:kubernetes:SidecarPrimary", parent: servers[0].parent }]);
    });

    it("runs exactly one primary as a StatefulSet, governed by its headless Service", () => {
        assert.equal(primary.spec.replicas, 1);
        assert.equal(primary.spec.serviceName, "lb-primary");
        assert.equal(primary.spec.template.spec.containers[0].image, "niis/xroad-security-server-sidecar:7.8.0-slim-primary-fi");
        assert.equal(secondaries.spec.template.spec.containers[0].image, "niis/xroad-security-server-sidecar:7.8.0-slim-secondary-fi");
    });

    it("exposes only SSH on the headless Service, which selects the primary pod and nothing else", () => {
        const svc = theObject(s.rendered.objects, "Service", "lb-primary");
        assert.equal(svc.spec.clusterIP, "None");
        assert.equal(svc.spec.publishNotReadyAddresses, true);
        assert.deepEqual(svc.spec.ports, [{ name: "ssh", port: 22, targetPort: 22, protocol: "TCP" }]);
        assert.ok(selectorMatches({ matchLabels: svc.spec.selector }, primary.spec.template.metadata.labels));
        assert.ok(!selectorMatches({ matchLabels: svc.spec.selector }, secondaries.spec.template.metadata.labels));
        assert.equal(svc.spec.selector.role, "primary");
    });

    it("points the secondaries at the primary Service's full cluster DNS name", () => {
        const env = secondaries.spec.template.spec.containers[0].env;
        assert.deepEqual(env[0], { name: "XROAD_PRIMARY_DNS", value: "lb-primary.xroad-lb.svc.cluster.local" });
    });

    it("mounts only the public key on the primary, and the private key 0440 with fsGroup 999 on the secondaries", () => {
        const primaryKeys = primary.spec.template.spec.volumes.find((v) => v.name === "ssh-keys")!.secret;
        assert.deepEqual(
            primaryKeys.items.map((i) => i.key),
            ["authorized-key"],
        );
        assert.equal(primaryKeys.secretName, "lb-ssh-keys");
        const secondaryKeys = secondaries.spec.template.spec.volumes.find((v) => v.name === "ssh-keys")!.secret;
        const privateKey = secondaryKeys.items.find((i) => i.key === "private-key")!;
        assert.equal(privateKey.path, "id_rsa");
        assert.equal(privateKey.mode, 0o440);
        assert.equal(privateKey.mode, SSH_PRIVATE_KEY_MODE);
        assert.equal(privateKey.mode & WORLD_BITS, 0, "no world bits on the private key");
        assert.equal(secondaryKeys.defaultMode & WORLD_BITS, 0);
        assert.equal(secondaries.spec.template.spec.securityContext.fsGroup, XROAD_GID);
        // The primary's volumes hold root-only and PostgreSQL files that an fsGroup change would open up.
        assert.equal(primary.spec.template.spec.securityContext.fsGroup, undefined);
        assert.deepEqual(secondaries.spec.template.spec.containers[0].volumeMounts, [
            { name: "ssh-keys", mountPath: "/etc/.ssh", readOnly: true },
        ]);
        const sshSecret = theObject(s.rendered.objects, "Secret", "lb-ssh-keys");
        assert.match(sshSecret.stringData["private-key"], /BEGIN OPENSSH PRIVATE KEY/);
        assert.match(sshSecret.stringData["public-key"], /^ssh-/);
    });

    it("gives the secondaries no database password: they read the synced db.properties", () => {
        const names = secondaries.spec.template.spec.containers[0].env.map((e) => e.name);
        assert.deepEqual(names, ["XROAD_PRIMARY_DNS", "XROAD_TOKEN_PIN", "XROAD_ADMIN_USER", "XROAD_ADMIN_PASSWORD"]);
        const primaryNames = primary.spec.template.spec.containers[0].env.map((e) => e.name);
        assert.ok(primaryNames.includes("XROAD_DB_PWD"));
    });

    it("puts /var/lib/xroad on the platform's shared class and /etc/xroad on its config class", () => {
        const archive = theObject(s.rendered.objects, "PersistentVolumeClaim", "lb-archive");
        assert.equal(archive.spec.storageClassName, "efs-ap");
        assert.deepEqual(archive.spec.accessModes, ["ReadWriteMany"]);
        const config = theObject(s.rendered.objects, "PersistentVolumeClaim", "lb-config");
        assert.equal(config.spec.storageClassName, "gp3-encrypted");
        assert.deepEqual(config.spec.accessModes, ["ReadWriteOnce"]);
        assert.ok(!s.rendered.resources.some((r) => r.type === "kubernetes:core/v1:PersistentVolumeClaim" && r.name.includes("database")));
    });

    it("keeps claims and the namespace on destroy when data is protected", () => {
        for (const r of s.rendered.resources.filter(
            (x) => x.type === "kubernetes:core/v1:PersistentVolumeClaim" || x.type === "kubernetes:core/v1:Namespace",
        )) {
            assert.equal(r.retainOnDelete, true, r.name);
        }
    });

    it("exposes only 5500/5577 on the LoadBalancer, with the platform's annotations, address and the allowed sources", () => {
        const lb = theObject(s.rendered.objects, "Service", "lb-public");
        assert.equal(lb.spec.type, "LoadBalancer");
        assert.deepEqual(
            lb.spec.ports.map((p) => [p.port, p.targetPort, p.protocol]),
            [
                [5500, 5500, "TCP"],
                [5577, 5577, "TCP"],
            ],
        );
        assert.deepEqual(lb.metadata.annotations, { ...LB_ANNOTATIONS, "pulumi.com/waitFor": "jsonpath={.status.loadBalancer.ingress}" });
        assert.equal(lb.spec.loadBalancerIP, "198.51.100.77");
        assert.deepEqual(lb.spec.loadBalancerSourceRanges, ["192.0.2.0/24", "198.51.100.0/24"]);
        assert.equal(lb.spec.externalTrafficPolicy, "Local");
        assert.ok(selectorMatches({ matchLabels: lb.spec.selector }, secondaries.spec.template.metadata.labels));
        const consumer = theObject(s.rendered.objects, "Service", "lb-consumer");
        assert.equal(consumer.spec.type, "ClusterIP");
        assert.deepEqual(
            consumer.spec.ports.map((p) => p.port),
            [8080, 8443],
        );
        assert.equal(s.rendered.outputs.instance.loadBalancerAddress, "198.51.100.77");
    });

    it("registers the platform's DNS name for the load balancer's address", () => {
        assert.deepEqual(publishedAddresses, [{ instance: "lb", hostname: "198.51.100.77" }]);
        assert.equal(s.rendered.outputs.instance.registeredAddress, "lb.xroad.example.org");
    });

    it("probes the secondaries as NIIS recommends (startup 8080 ×30, readiness 5588 timeout 6 failure 1) and restarts a hung one", () => {
        const c = secondaries.spec.template.spec.containers[0];
        assert.deepEqual(c.startupProbe, { httpGet: { path: "/", port: 8080 }, periodSeconds: 10, failureThreshold: 30 });
        assert.deepEqual(c.readinessProbe, {
            httpGet: { path: "/", port: 5588 },
            periodSeconds: 10,
            timeoutSeconds: 6,
            successThreshold: 1,
            failureThreshold: 1,
        });
        assert.deepEqual(c.livenessProbe, {
            httpGet: { path: "/", port: 8080 },
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 5,
        });
        const p = primary.spec.template.spec.containers[0];
        assert.equal(p.startupProbe.failureThreshold, 60);
        assert.equal(p.livenessProbe.failureThreshold, 5);
    });

    it("autoscales the secondaries on CPU with a long cooldown and a one-pod-at-a-time scale-up", () => {
        const hpa = theObject(s.rendered.objects, "HorizontalPodAutoscaler", "lb-secondary");
        assert.equal(hpa.apiVersion, "autoscaling/v2");
        assert.deepEqual(hpa.spec.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: "lb-secondary" });
        assert.equal(hpa.spec.minReplicas, 2);
        assert.equal(hpa.spec.maxReplicas, 6);
        assert.deepEqual(hpa.spec.metrics, [
            { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 65 } } },
        ]);
        assert.equal(hpa.spec.behavior.scaleDown.stabilizationWindowSeconds, 900);
        assert.ok(hpa.spec.behavior.scaleDown.stabilizationWindowSeconds >= 300);
        assert.deepEqual(hpa.spec.behavior.scaleUp.policies, [{ type: "Pods", value: 1, periodSeconds: 180 }]);
        assert.ok(hpa.spec.behavior.scaleUp.stabilizationWindowSeconds > 0);
        assert.equal(secondaries.spec.replicas, undefined, "the HPA alone sets the count");
    });

    it("keeps drains to one secondary at a time and spreads the secondaries over zones and nodes", () => {
        const pdb = theObject(s.rendered.objects, "PodDisruptionBudget", "lb-secondary");
        assert.equal(pdb.spec.maxUnavailable, 1);
        assert.equal(pdb.spec.unhealthyPodEvictionPolicy, "AlwaysAllow", "NotReady secondaries must not block a node drain");
        assert.ok(selectorMatches(pdb.spec.selector, secondaries.spec.template.metadata.labels));
        assert.ok(!selectorMatches(pdb.spec.selector, primary.spec.template.metadata.labels));
        const spread = secondaries.spec.template.spec.topologySpreadConstraints;
        assert.deepEqual(
            spread.map((c) => c.topologyKey),
            ["topology.kubernetes.io/zone", "kubernetes.io/hostname"],
        );
        for (const c of spread) assert.ok(selectorMatches(c.labelSelector, secondaries.spec.template.metadata.labels));
        assert.equal(spread[1].nodeTaintsPolicy, "Honor", "tainted system nodes must not count towards the per-node skew");
    });

    it("creates the pods after the Secrets they read", () => {
        const urnOf = (type: string, name: string) => s.rendered.resources.find((r) => r.type === type && r.name === name)!.urn;
        const variables = urnOf("kubernetes:core/v1:Secret", "lb-variables");
        const ssh = urnOf("kubernetes:core/v1:Secret", "lb-ssh");
        for (const [type, name] of [
            ["kubernetes:apps/v1:StatefulSet", "lb-primary"],
            ["kubernetes:apps/v1:Deployment", "lb-secondaries"],
        ]) {
            const workload = s.rendered.resources.find((r) => r.type === type && r.name === name)!;
            assert.ok(workload.dependencies.includes(variables), `${name} does not wait for the variables Secret`);
            assert.ok(workload.dependencies.includes(ssh), `${name} does not wait for the SSH Secret`);
        }
    });

    it("does not make `pulumi up` wait for secondaries that stay NotReady until the primary is configured", () => {
        assert.equal(secondaries.metadata.annotations["pulumi.com/skipAwait"], "true");
        assert.equal(theObject(s.rendered.objects, "Service", "lb-consumer").metadata.annotations["pulumi.com/skipAwait"], "true");
        // The public Service waits only for its address, which is what gets registered and published.
        const publicAnnotations = theObject(s.rendered.objects, "Service", "lb-public").metadata.annotations;
        assert.equal(publicAnnotations["pulumi.com/waitFor"], "jsonpath={.status.loadBalancer.ingress}");
        assert.equal(publicAnnotations["pulumi.com/skipAwait"], undefined);
        assert.equal(primary.metadata.annotations["pulumi.com/timeoutSeconds"], "1200");
        assert.equal(primary.metadata.annotations["pulumi.com/skipAwait"], undefined);
    });

    it("lets the fi images bind the ACME listener on port 80 without root", () => {
        for (const w of [primary, secondaries])
            assert.deepEqual(w.spec.template.spec.securityContext.sysctls, [{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }]);
    });

    it("tells the operator where the generated secrets are and that the external server needs the generated password", () => {
        const out = s.rendered.outputs.instance;
        assert.deepEqual(Object.keys(out.secrets).sort(), ["XROAD_ADMIN_PASSWORD", "XROAD_ADMIN_USER", "XROAD_DB_PWD", "XROAD_TOKEN_PIN"]);
        assert.equal(
            out.secrets.XROAD_TOKEN_PIN,
            "kubectl --namespace xroad-lb get secret lb-variables -o jsonpath='{.data.XROAD_TOKEN_PIN}' | base64 -d",
        );
        assert.match(out.database ?? "", /^generated superuser password: give role postgres on 10\.20\.30\.40 the password/);
        assert.ok(!JSON.stringify(out).includes("xroad-admin"), "the admin user stays in the Secret");
    });

    it("drains a stopping secondary: maintenance mode fails its health check, then it keeps serving a while", () => {
        const spec = secondaries.spec.template.spec;
        const hook: string = spec.containers[0].lifecycle.preStop.exec.command[2];
        assert.match(hook, /^curl -fsS --max-time 5 'http:\/\/127\.0\.0\.1:5566\/maintenance\?targetState=true' \|\| true; sleep 30$/);
        assert.ok(spec.terminationGracePeriodSeconds > 30 + 30, "grace covers the drain and the shutdown");
    });

    it("uses the configured resources on each role", () => {
        assert.deepEqual(secondaries.spec.template.spec.containers[0].resources, {
            requests: { cpu: "2", memory: "6Gi" },
            limits: { cpu: "4", memory: "6Gi" },
        });
        assert.deepEqual(primary.spec.template.spec.containers[0].resources, {
            requests: { cpu: "2", memory: "3Gi" },
            limits: { cpu: "2", memory: "3Gi" },
        });
    });

    it("sizes the shared heap for the smaller of the two limits: the secondaries inherit the primary's local.properties", () => {
        const heap = sharedProxyHeap([s.instance.primaryResources, s.instance.secondaryResources], "slim");
        const init = primary.spec.template.spec.initContainers.find((c) => c.name === "proxy-heap")!;
        assert.deepEqual(
            init.env.map((e) => e.value),
            [`${heap.initialMiB}m`, `${heap.maxMiB}m`],
        );
        assert.equal(heap.maxMiB, 1728);
        assert.equal(
            secondaries.spec.template.metadata.annotations["xroad-sidecar/proxy-heap"],
            primary.spec.template.metadata.annotations["xroad-sidecar/proxy-heap"],
        );
    });

    describe("NetworkPolicies", () => {
        let policies: Record<string, KubeKinds["NetworkPolicy"]>;
        before(() => {
            policies = Object.fromEntries(objectsOfKind(s.rendered.objects, "NetworkPolicy").map((p) => [p.metadata.name, p]));
        });

        it("denies all ingress and egress in the namespace by default", () => {
            assert.deepEqual(policies["default-deny-all"].spec, { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
        });

        it("lets every pod resolve names through the cluster DNS only", () => {
            assert.deepEqual(policies["allow-dns-egress"].spec.egress, [
                {
                    to: [
                        {
                            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                            podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
                        },
                    ],
                    ports: [{ protocol: "UDP", port: 53 }, tcp(53)],
                },
            ]);
        });

        it("admits only SSH from the secondaries into the primary", () => {
            const p = policies["primary-traffic"];
            assert.ok(selectorMatches(p.spec.podSelector, primary.spec.template.metadata.labels));
            assert.deepEqual(p.spec.ingress, [
                {
                    from: [
                        {
                            podSelector: {
                                matchLabels: {
                                    "app.kubernetes.io/name": "xroad-security-server-sidecar",
                                    "app.kubernetes.io/instance": "lb",
                                    role: "secondary",
                                },
                            },
                        },
                    ],
                    ports: [tcp(22)],
                },
            ]);
            assert.ok(selectorMatches(p.spec.ingress[0].from[0].podSelector, secondaries.spec.template.metadata.labels));
            // No other policy selecting the primary admits anything.
            for (const other of Object.values(policies).filter(
                (x) => x !== p && selectorMatches(x.spec.podSelector, primary.spec.template.metadata.labels),
            )) {
                assert.equal(other.spec.ingress, undefined, other.metadata.name);
            }
        });

        it("admits 5500/5577 into the secondaries from the load balancer's sources and the consumer ports from the configured consumers", () => {
            const p = policies["secondary-traffic"];
            assert.deepEqual(p.spec.ingress[0], {
                from: [
                    { ipBlock: { cidr: "192.0.2.0/24" } },
                    { ipBlock: { cidr: "198.51.100.0/24" } },
                    // Other instances' Sidecars in the cluster, whose load-balancer traffic kube-proxy keeps pod to pod.
                    SIDECAR_PEER(["primary", "secondary", "standalone"]),
                ],
                ports: [tcp(5500), tcp(5577)],
            });
            assert.deepEqual(p.spec.ingress[1], {
                from: [
                    { ipBlock: { cidr: "10.70.0.0/24" } },
                    {
                        namespaceSelector: {
                            matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["apps", "billing"] }],
                        },
                        podSelector: { matchLabels: { "xroad/consumer": "yes" } },
                    },
                ],
                ports: [tcp(8080), tcp(8443)],
            });
            assert.equal(p.spec.ingress.length, 2);
        });

        it("lets the secondaries out to the primary's SSH, the database and the X-Road ports only", () => {
            const p = policies["secondary-traffic"];
            assert.deepEqual(p.spec.egress, [
                {
                    to: [
                        {
                            podSelector: {
                                matchLabels: {
                                    "app.kubernetes.io/name": "xroad-security-server-sidecar",
                                    "app.kubernetes.io/instance": "lb",
                                    role: "primary",
                                },
                            },
                        },
                    ],
                    ports: [tcp(22)],
                },
                { to: [{ ipBlock: { cidr: "10.20.30.40/32" } }], ports: [tcp(5432)] },
                { to: [{ ipBlock: { cidr: "203.0.113.0/24" } }], ports: [80, 443, 4001, 5500, 5577, 8888, 8899].map(tcp) },
                { to: [SIDECAR_PEER(["secondary", "standalone"])], ports: [tcp(5500), tcp(5577)] },
                { to: [{ ipBlock: { cidr: "10.30.0.0/24" } }], ports: [tcp(8443)] },
                {
                    to: [
                        {
                            namespaceSelector: {
                                matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["apps"] }],
                            },
                            podSelector: { matchLabels: { app: "orders" } },
                        },
                    ],
                    ports: [tcp(8080), tcp(9090)],
                },
            ]);
            // The primary serves no clients: no producers.
            assert.deepEqual(policies["primary-traffic"].spec.egress, p.spec.egress.slice(1, 4));
        });
    });
});

describe("primary and secondaries with a managed database, ee variant", () => {
    let s: Scenario;
    let primary: KubeKinds["StatefulSet"];
    let secondaries: KubeKinds["Deployment"];
    before(async () => {
        s = await scenario("primary-secondaries-managed");
        primary = theObject(s.rendered.objects, "StatefulSet", "ee-primary");
        secondaries = theObject(s.rendered.objects, "Deployment", "ee-secondary");
    });

    it("connects to the platform's server with its password from the Secret", () => {
        const env = Object.fromEntries(primary.spec.template.spec.containers[0].env.map((e) => [e.name, e]));
        assert.equal(env.XROAD_DB_HOST.value, "psql-xroad.postgres.database.azure.com");
        assert.equal(env.XROAD_DB_PORT.value, "5432");
        assert.equal(env.XROAD_DATABASE_NAME.value, "ee");
        assert.equal(theObject(s.rendered.objects, "Secret", "ee-variables").stringData.XROAD_DB_PWD, "managed-db-password-value");
        const secretResource = s.rendered.resources.find((r) => r.type === "kubernetes:core/v1:Secret" && r.name === "ee-variables")!;
        assert.ok(isSecretValue(secretResource.inputs.stringData), "stringData registered as a Pulumi secret");
    });

    it("makes the Sidecar use the platform's superuser and TLS to the server", () => {
        const init = primary.spec.template.spec.initContainers.find((c) => c.name === "database-settings")!;
        assert.deepEqual(init.env, [{ name: "DB_SUPERUSER", value: "xroadadmin" }]);
        const script: string = init.command[2];
        assert.match(script, /printf "postgres\.connection\.user = %s\\n" "\$DB_SUPERUSER" >> "\$props"/);
        assert.match(script, /printf 'export PGSSLMODE="require"\\n' > \/etc\/xroad\/db_libpq\.env/);
        assert.equal(init.securityContext.allowPrivilegeEscalation, false);
        assert.deepEqual(init.securityContext.capabilities.drop, ["ALL"]);
    });

    it("lets the pods reach the database inside the platform's private network", () => {
        const policy = objectsOfKind(s.rendered.objects, "NetworkPolicy").find((p) => p.metadata.name === "primary-traffic")!;
        assert.deepEqual(policy.spec.egress[0], { to: [{ ipBlock: { cidr: "10.224.0.0/12" } }], ports: [tcp(5432)] });
    });

    it("uses the ee consumer ports 80/443 for probes, Services and policies, with unprivileged low ports", () => {
        const c = secondaries.spec.template.spec.containers[0];
        assert.equal(c.startupProbe.httpGet.port, 80);
        assert.equal(primary.spec.template.spec.containers[0].livenessProbe.httpGet.port, 80);
        assert.deepEqual(
            theObject(s.rendered.objects, "Service", "ee-consumer").spec.ports.map((p) => p.port),
            [80, 443],
        );
        assert.deepEqual(secondaries.spec.template.spec.securityContext.sysctls, [
            { name: "net.ipv4.ip_unprivileged_port_start", value: "0" },
        ]);
        const policy = objectsOfKind(s.rendered.objects, "NetworkPolicy").find((p) => p.metadata.name === "secondary-traffic")!;
        assert.deepEqual(policy.spec.ingress[1].ports, [tcp(80), tcp(443)]);
        assert.equal(c.image, "niis/xroad-security-server-sidecar:7.8.0-secondary-ee");
    });

    it("registers the load balancer's own address when the platform publishes no DNS name", () => {
        const out = s.rendered.outputs.instance;
        assert.equal(out.registeredAddress, out.loadBalancerAddress);
        assert.match(out.registeredAddress, /^\d+\.\d+\.\d+\.\d+$/);
    });

    it("keeps the archive on a ReadWriteOnce claim of the config class when the platform has no shared class", () => {
        const archive = theObject(s.rendered.objects, "PersistentVolumeClaim", "ee-archive");
        assert.deepEqual(archive.spec.accessModes, ["ReadWriteOnce"]);
        assert.equal(archive.spec.storageClassName, "managed-csi-premium");
    });
});
