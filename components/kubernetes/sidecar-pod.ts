import * as pulumi from "@pulumi/pulumi";
import { SidecarInstanceConfig } from "../../config/instance";
import { ReleaseConfig } from "../../config/release";
import { PlatformBindings } from "../platform";
import { SidecarObjectNames } from "./names";
import { ProxyHeap } from "./java-heap";

/** What every Security Server pod of one instance is built from: the stateful server and the secondaries alike. */
export interface SidecarPodArgs {
    /** The instance's resolved settings (config/instance.ts). */
    instance: SidecarInstanceConfig;
    /** The pinned image repository and Sidecar version (release block). */
    release: ReleaseConfig;
    /** Storage classes, load balancer and archive store of the cluster the instance runs on. */
    platform: PlatformBindings;
    /** The instance's Namespace, as its output, so every object is created after it. */
    namespace: pulumi.Input<string>;
    /** Every object's `metadata.name` (names.ts). */
    names: SidecarObjectNames;
    /** The Secret with the sensitive environment, and the keys of it this pod reads (secondaries never read the database password). */
    variables: { secretName: pulumi.Input<string>; keys: readonly string[] };
    /** The SSH key pair Secret of the load-balanced topology: the primary serves rsync with it, the secondaries sync with it. */
    sshSecretName?: pulumi.Input<string>;
    /** The proxy heap: the primary (or single pod) writes it, the secondaries inherit it by rsync (java-heap.ts). */
    heap: ProxyHeap;
}
