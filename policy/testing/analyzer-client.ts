/**
 * A typed client of the policy analyzer's gRPC protocol, through the generated modules of @pulumi/pulumi (the ones
 * the policy server answers with), for the tests that start the pack as the Pulumi CLI does.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzeRequest, AnalyzeResponse, AnalyzeStackRequest, AnalyzerInfo } from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";

/** A callback-style unary call as the generated client declares it. */
type UnaryCall<Request, Response> = (
    request: Request,
    callback: (error: grpc.ServiceError | null, response: Response) => void,
) => grpc.ClientUnaryCall;

function unary<Request, Response>(method: UnaryCall<Request, Response>, request: Request): Promise<Response> {
    return new Promise((resolve, reject) => method(request, (error, response) => (error ? reject(error) : resolve(response))));
}

/** The analyzer on 127.0.0.1:port. */
export class AnalyzerConnection {
    private readonly client: AnalyzerClient;

    constructor(port: number) {
        this.client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    }

    info(): Promise<AnalyzerInfo> {
        return unary<Empty, AnalyzerInfo>((request, callback) => this.client.getAnalyzerInfo(request, callback), new Empty());
    }

    analyze(request: AnalyzeRequest): Promise<AnalyzeResponse> {
        return unary<AnalyzeRequest, AnalyzeResponse>((req, callback) => this.client.analyze(req, callback), request);
    }

    analyzeStack(request: AnalyzeStackRequest): Promise<AnalyzeResponse> {
        return unary<AnalyzeStackRequest, AnalyzeResponse>((req, callback) => this.client.analyzeStack(req, callback), request);
    }

    close(): void {
        this.client.close();
    }
}

/** Resource properties as a protobuf Struct (JSON round trip: what the CLI sends has no undefined or functions). */
export function struct(props: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(props)) as Record<string, JavaScriptValue>);
}
