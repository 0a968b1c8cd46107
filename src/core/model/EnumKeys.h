#pragma once

#include <QString>

#include <array>
#include <optional>
#include <utility>

namespace preflight {

// Enums are spelled in JSON, the command line and the database through one table per enum, so
// the spelling and its parse cannot drift apart. These two look-ups serve every such table.
template<typename Enum, std::size_t N> using EnumKeyTable = std::array<std::pair<Enum, const char *>, N>;

template<typename Enum, std::size_t N> QString keyOf(const EnumKeyTable<Enum, N> &table, Enum value)
{
    for (const auto &[candidate, key] : table) {
        if (candidate == value)
            return QString::fromLatin1(key);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const EnumKeyTable<Enum, N> &table, const QString &key)
{
    for (const auto &[value, candidate] : table) {
        if (key == QLatin1String(candidate))
            return value;
    }
    return std::nullopt;
}

} // namespace preflight
