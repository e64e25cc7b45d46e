import { loadManifests } from "../policy/engine/manifests";
import { evaluate } from "../policy/engine/evaluate";
import { allPolicies } from "../policy/policies";
const g = (global as unknown as { gc: () => void }).gc;
const mb = () => { g(); const m = process.memoryUsage(); return `heap ${(m.heapUsed / 1e6) | 0} MB rss ${(m.rss / 1e6) | 0} MB`; };
(async () => {
    console.log("start", mb());
    const l = loadManifests([process.argv[2]]);
    console.log("loaded", l.resources.length, mb());
    const r = await evaluate(allPolicies, l.resources, { onPolicy: (n) => { const m = process.memoryUsage(); console.log(n, (m.heapUsed / 1e6) | 0, (m.rss / 1e6) | 0); } });
    console.log("evaluated", r.violations.length, mb());
})();
