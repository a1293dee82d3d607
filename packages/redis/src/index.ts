export { type RedisBotStore, type RedisStoreLock, type RedisStoreOptions, redisStore } from "./bot-store.js";
export { type RedisOption, RedisUnavailableError } from "./connect.js";
export { type RedisRateLimiter, type RedisRateLimiterOptions, redisRateLimiter } from "./rate-limiter.js";
export { type RedisTokenStore, type RedisTokenStoreOptions, redisTokenStore } from "./token-store.js";
