#pragma once

#include <string>

namespace medha::log {

enum class level { debug, info, warn, error };

/// Sets the lowest level printed ("debug", "info", "warn", "error").
void set_level(const std::string& name);

/// Writes one line to stderr: time, level, component, message. Thread-safe.
void write(level lvl, const char* component, const std::string& message);

inline void info(const char* component, const std::string& m) { write(level::info, component, m); }
inline void warn(const char* component, const std::string& m) { write(level::warn, component, m); }
inline void error(const char* component, const std::string& m) { write(level::error, component, m); }
inline void debug(const char* component, const std::string& m) { write(level::debug, component, m); }

} // namespace medha::log
