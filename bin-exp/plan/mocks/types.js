"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MOCK_SUBSCRIPTION_ID = exports.MOCK_TENANT_ID = exports.MOCK_ACCOUNT_ID = void 0;
exports.MOCK_ACCOUNT_ID = "123456789012";
exports.MOCK_TENANT_ID = "00000000-0000-4000-8000-000000000001";
exports.MOCK_SUBSCRIPTION_ID = "00000000-0000-4000-8000-000000000002";
