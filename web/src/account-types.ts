// Accounts and API tokens as the web app reads and sends them, generated from the OpenAPI document (api/schema.d.ts).
import type * as api from './api/schema';

export type Account = api.Account;
export type NewAccount = api.NewAccountInput;
export type AccountChange = api.AccountChangeInput;
export type TokenInfo = api.TokenInfo;
export type NewToken = api.NewToken;
export type CreatedToken = api.CreatedToken;
