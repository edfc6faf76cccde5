#pragma once

#include <chrono>
#include <ctime>
#include <optional>
#include <string>

namespace medha::llm {

/// Whether a failed attempt is worth another: 429 (rate limited), 408, any
/// 5xx (Anthropic's 529 "overloaded" included), or no response at all
/// (status 0: connection refused, reset, timed out). Other 4xx are the
/// request's fault and would fail again.
bool is_retryable(long status);

/// How long to wait before retry number `retry` (1, 2, ...): the server's
/// Retry-After when it sent one (delta-seconds or an HTTP-date, relative to
/// `now`), else `base` doubled per retry. nullopt when Retry-After asks for
/// more than `longest`: waiting that long is worse than failing now.
std::optional<std::chrono::milliseconds>
retry_delay(int retry, const std::optional<std::string>& retry_after,
            std::chrono::milliseconds base, std::chrono::milliseconds longest, std::time_t now);

} // namespace medha::llm
