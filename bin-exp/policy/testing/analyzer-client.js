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
exports.AnalyzerConnection = void 0;
exports.struct = struct;
/**
 * A typed client of the policy analyzer's gRPC protocol, through the generated modules of @pulumi/pulumi (the ones
 * the policy server answers with), for the tests that start the pack as the Pulumi CLI does.
 */
const grpc = __importStar(require("@grpc/grpc-js"));
const empty_pb_1 = require("google-protobuf/google/protobuf/empty_pb");
const struct_pb_1 = require("google-protobuf/google/protobuf/struct_pb");
const analyzer_grpc_pb_1 = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
function unary(method, request) {
    return new Promise((resolve, reject) => method(request, (error, response) => (error ? reject(error) : resolve(response))));
}
/** The analyzer on 127.0.0.1:port. */
class AnalyzerConnection {
    client;
    constructor(port) {
        this.client = new analyzer_grpc_pb_1.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    }
    info() {
        return unary((request, callback) => this.client.getAnalyzerInfo(request, callback), new empty_pb_1.Empty());
    }
    analyze(request) {
        return unary((req, callback) => this.client.analyze(req, callback), request);
    }
    analyzeStack(request) {
        return unary((req, callback) => this.client.analyzeStack(req, callback), request);
    }
    close() {
        this.client.close();
    }
}
exports.AnalyzerConnection = AnalyzerConnection;
/** Resource properties as a protobuf Struct (JSON round trip: what the CLI sends has no undefined or functions). */
function struct(props) {
    return struct_pb_1.Struct.fromJavaScript(JSON.parse(JSON.stringify(props)));
}
