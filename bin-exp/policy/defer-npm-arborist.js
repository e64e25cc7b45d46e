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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.deferredArboristFile = void 0;
/**
 * Start-up cost of everything that loads `@pulumi/pulumi` here (the pack at each preview, `npm run plan`,
 * `npm run check`). The SDK's index loads its closure serialiser, whose `runtime/closure/codePaths` module imports
 * npm's Arborist at load time, and with it pacote, sigstore and the npm registry client: about 0.8 s of CPU, more than
 * the rest of the SDK (measured with a `Module._load` timer on the installed pack; README, Performance). Arborist is
 * used only to list the packages a serialised function needs (`computeCodePaths`), and neither a policy pack nor a
 * mocked plan serialises a function.
 *
 * So the import is deferred, not removed: importing this file first (before anything that imports the SDK) means the
 * module cache entry for the exact Arborist file the SDK would load holds a lazy namespace that loads the real module on
 * its first use. Code that does use Arborist gets the real one; code that does not never pays for it. If the SDK stops
 * importing Arborist from where this looks, nothing is deferred and `test/policy-package` fails on the start-up
 * assertion, so an SDK upgrade cannot silently undo it.
 */
const module_1 = __importDefault(require("module"));
const path = __importStar(require("path"));
/** The Arborist file `@pulumi/pulumi` would load, or undefined when the SDK does not depend on it (any more). */
function arboristFile() {
    try {
        const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
        return require.resolve("@npmcli/arborist", { paths: [sdkDir] });
    }
    catch {
        return undefined;
    }
}
/** Defers loading npm's Arborist until first use; returns the file deferred, if any. */
function deferNpmArborist() {
    const file = arboristFile();
    if (file === undefined || require.cache[file] !== undefined)
        return undefined;
    let real;
    const load = () => {
        if (real === undefined) {
            delete require.cache[file]; // let `require` load and cache the real module
            // The file the SDK itself would require, by its resolved path.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            real = require(file);
        }
        return real;
    };
    // `__esModule` lets the SDK's `__importStar` keep this namespace as it is instead of copying (and so loading) it.
    const lazyNamespace = new Proxy({}, {
        get: (_target, key) => (key === "__esModule" ? true : Reflect.get(load(), key)),
        has: (_target, key) => key === "__esModule" || Reflect.has(load(), key),
    });
    const placeholder = new module_1.default(file);
    placeholder.filename = file;
    placeholder.loaded = true;
    placeholder.exports = lazyNamespace;
    require.cache[file] = placeholder;
    return file;
}
/**
 * The Arborist file whose loading this import deferred (undefined if the SDK no longer imports it, or it was loaded
 * already). Read by test/policy-package/defer-npm-arborist.spec.ts inside a child process, where knip cannot see it.
 * @public
 */
exports.deferredArboristFile = deferNpmArborist();
