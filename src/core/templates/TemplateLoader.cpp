#include "templates/TemplateLoader.h"

#include "Error.h"
#include "model/Profile.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace preflight {

namespace {

using nlohmann::json;

// Deeper nesting has no meaning in a checklist and would let a hostile file exhaust the stack.
constexpr int MaxItemDepth = 8;

struct TextPosition
{
    qsizetype line = 1;
    qsizetype column = 1; // in characters, not bytes
};

// `offset` is zero-based; the bytes before it are valid UTF-8, so counting the bytes that start a
// character gives the column a text editor shows.
TextPosition positionOf(const QByteArray &bytes, qsizetype offset)
{
    TextPosition position;
    const qsizetype end = std::min(offset, bytes.size());
    for (qsizetype i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    return position;
}

QString describePosition(const QByteArray &bytes, qsizetype offset)
{
    const TextPosition position = positionOf(bytes, offset);
    return QStringLiteral("line %1, column %2").arg(position.line).arg(position.column);
}

// Qt's decoder replaces each invalid sequence with U+FFFD; encoding the result again reproduces the
// input exactly up to the first invalid byte, which is where the two first differ. The decoder
// drops a leading byte order mark, so the comparison starts after it.
std::optional<qsizetype> firstInvalidUtf8(const QByteArray &bytes)
{
    const qsizetype start = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const QByteArrayView text = QByteArrayView(bytes).sliced(start);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(text);
    if (!decoder.hasError())
        return std::nullopt;
    const QByteArray reencoded = decoded.toUtf8();
    const auto [input, output] = std::mismatch(text.begin(), text.end(), reencoded.begin(), reencoded.end());
    return start + (input - text.begin());
}

// nlohmann prefixes its messages with "[json.exception.parse_error.101] parse error at line 1,
// column 7: "; we report our own position (in characters), so keep only what follows.
QString parseErrorReason(const char *what)
{
    const QString message = QString::fromUtf8(what);
    const qsizetype start = message.indexOf(QLatin1String("parse error"));
    const qsizetype colon = start < 0 ? -1 : message.indexOf(QLatin1String(": "), start);
    return colon < 0 ? message : message.mid(colon + 2);
}

QString typeName(const json &value)
{
    if (value.is_number_integer())
        return QStringLiteral("integer");
    return QString::fromLatin1(value.type_name());
}

// The JSON path of the value being read, e.g. "$.categories[2].severity". Each level refers to its
// parent on the reader's stack and the text is spelled out only when an error names it: building
// it for every value read was a large share of loading a template at startup.
struct JsonPath
{
    const JsonPath *parent = nullptr; // none for the root "$"
    const char *key = nullptr; // the field name; none for an array element
    std::size_t index = 0;

    JsonPath field(const char *name) const { return { this, name, 0 }; }
    JsonPath element(std::size_t i) const { return { this, nullptr, i }; }

    QString toString() const
    {
        if (!parent)
            return QStringLiteral("$");
        const QString prefix = parent->toString();
        return key ? prefix + QLatin1Char('.') + QLatin1String(key) : prefix + QStringLiteral("[%1]").arg(index);
    }
};

// Where `target` sits under `node`, as a JSON path suffix; false when it is not there. Only an
// error message needs this, so a full search of the document is fine.
bool findPath(const json &node, const json *target, QString &suffix)
{
    if (&node == target)
        return true;
    if (node.is_object()) {
        for (const auto &field : node.items()) {
            if (findPath(field.value(), target, suffix)) {
                suffix.prepend(QLatin1Char('.') + QString::fromStdString(field.key()));
                return true;
            }
        }
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            if (findPath(node[i], target, suffix)) {
                suffix.prepend(QStringLiteral("[%1]").arg(i));
                return true;
            }
        }
    }
    return false;
}

// Walks the parsed document, keeping the JSON path of the value being read so that every error
// names the exact place a template author has to fix.
class TemplateReader
{
public:
    TemplateReader(QString sourceName, const json &root)
        : m_sourceName(std::move(sourceName))
        , m_root(root)
    { }

    Template read()
    {
        const json &root = m_root;
        const JsonPath path;
        expectFields(root, path,
                     { "$schema", "schema", "id", "version", "title", "description", "categories", "summary",
                       "signoff_roles", "risk_columns", "status_values", "project_fields" });
        // "schema" is what `template show --json` adds, so its output imports again unchanged.
        if (root.contains("schema") && root["schema"] != TemplateJsonSchema)
            fail(path.field("schema"), QStringLiteral("expected \"%1\"").arg(QLatin1String(TemplateJsonSchema)));
        Template tmpl;
        tmpl.id = kebabId(root, path);
        tmpl.version = version(root, path);
        tmpl.title = text(root, path, "title");
        tmpl.description = text(root, path, "description");
        forEachElement(root, path, "categories", Required::NonEmpty,
                       [&](const json &value, const JsonPath &at) { tmpl.categories.push_back(category(value, at)); });
        forEachElement(root, path, "summary", Required::MayBeEmpty,
                       [&](const json &value, const JsonPath &at) { tmpl.summary.push_back(summaryGroup(value, at)); });
        tmpl.signoffRoles = textList(root, path, "signoff_roles");
        tmpl.riskColumns = textList(root, path, "risk_columns");
        tmpl.statusValues = textList(root, path, "status_values");
        if (tmpl.statusValues.size() != 3)
            fail(path.field("status_values"),
                 QStringLiteral("expected exactly 3 values (not ready, ready with risks, ready), found %1")
                     .arg(tmpl.statusValues.size()));
        tmpl.projectFields = projectFields(root, path);
        return tmpl;
    }

private:
    enum class Required { NonEmpty, MayBeEmpty };

    [[noreturn]] void fail(const QString &path, const QString &problem) const
    {
        throw Error(Error::Kind::Data, QStringLiteral("%1: %2: %3").arg(m_sourceName, path, problem));
    }

    [[noreturn]] void fail(const JsonPath &path, const QString &problem) const { fail(path.toString(), problem); }

    void expectType(const json &value, const JsonPath &path, bool matches, const char *expected) const
    {
        if (!matches)
            fail(path, QStringLiteral("expected %1, found %2").arg(QLatin1String(expected), typeName(value)));
    }

    // Unknown fields are refused rather than ignored: a misspelt "sevrity" must not silently fall
    // back to a default.
    void expectFields(const json &object, const JsonPath &path, std::initializer_list<const char *> known) const
    {
        expectType(object, path, object.is_object(), "an object");
        for (const auto &field : object.items()) {
            // A named copy, not a structured binding: clang 14 (the fuzz build) cannot capture those.
            const std::string &key = field.key();
            const bool isKnown = std::any_of(known.begin(), known.end(), [&](const char *k) { return key == k; });
            if (!isKnown) {
                QStringList names;
                for (const char *name : known)
                    names.append(QLatin1String(name));
                fail(path.toString() + QLatin1Char('.') + QString::fromStdString(key),
                     QStringLiteral("unknown field (known fields: %1)").arg(names.join(QLatin1String(", "))));
            }
        }
    }

    const json &field(const json &object, const JsonPath &path, const char *key) const
    {
        const auto found = object.find(key);
        if (found == object.end())
            fail(path.field(key), QStringLiteral("missing required field"));
        return *found;
    }

    QString textValue(const json &value, const JsonPath &path) const
    {
        expectType(value, path, value.is_string(), "a string");
        const QString result = QString::fromStdString(value.get_ref<const std::string &>());
        if (result.trimmed().isEmpty())
            fail(path, QStringLiteral("must not be empty"));
        return result;
    }

    QString text(const json &object, const JsonPath &path, const char *key) const
    {
        return textValue(field(object, path, key), path.field(key));
    }

    QString kebabId(const json &object, const JsonPath &path) const
    {
        static const QRegularExpression pattern(
            QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*")));
        const QString value = text(object, path, "id");
        if (!pattern.match(value).hasMatch())
            fail(path.field("id"),
                 QStringLiteral("id \"%1\" is not lowercase kebab-case (letters, digits, '-' and '.')").arg(value));
        return value;
    }

    // Category, section, item and summary ids name answers within one template and must be
    // unique among themselves; the template's own id names the template among templates and
    // may equal any of them.
    QString id(const json &object, const JsonPath &path)
    {
        const QString value = kebabId(object, path);
        const auto firstUse = m_idOwners.constFind(value);
        if (firstUse != m_idOwners.cend()) {
            QString firstPath;
            findPath(m_root, *firstUse, firstPath);
            fail(path.field("id"), QStringLiteral("duplicate id \"%1\" (first used at $%2.id)").arg(value, firstPath));
        }
        m_idOwners.insert(value, &object);
        return value;
    }

    QString version(const json &object, const JsonPath &path) const
    {
        static const QRegularExpression semver(QRegularExpression::anchoredPattern(QStringLiteral(
            "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?")));
        const QString value = text(object, path, "version");
        if (!semver.match(value).hasMatch())
            fail(path.field("version"), QStringLiteral("\"%1\" is not a semantic version such as 1.0.0").arg(value));
        return value;
    }

    template<typename Visit>
    void forEachElement(const json &object, const JsonPath &path, const char *key, Required required, Visit visit) const
    {
        const JsonPath arrayPath = path.field(key);
        const json &array = field(object, path, key);
        expectType(array, arrayPath, array.is_array(), "an array");
        if (required == Required::NonEmpty && array.empty())
            fail(arrayPath, QStringLiteral("must not be empty"));
        for (std::size_t i = 0; i < array.size(); ++i)
            visit(array[i], arrayPath.element(i));
    }

    QStringList textList(const json &object, const JsonPath &path, const char *key) const
    {
        QStringList values;
        forEachElement(object, path, key, Required::NonEmpty, [&](const json &value, const JsonPath &at) {
            const QString entry = textValue(value, at);
            if (values.contains(entry))
                fail(at, QStringLiteral("duplicate value \"%1\"").arg(entry));
            values.append(entry);
        });
        return values;
    }

    QStringList projectFields(const json &object, const JsonPath &path) const
    {
        const QStringList known { QStringLiteral("target_launch_date"), QStringLiteral("actual_launch_date"),
                                  QStringLiteral("notes") };
        QStringList fields;
        forEachElement(object, path, "project_fields", Required::MayBeEmpty,
                       [&](const json &value, const JsonPath &at) {
                           const QString name = textValue(value, at);
                           if (!known.contains(name))
                               fail(at,
                                    QStringLiteral("unknown project field \"%1\" (expected one of %2)")
                                        .arg(name, known.join(QLatin1String(", "))));
                           if (fields.contains(name))
                               fail(at, QStringLiteral("duplicate value \"%1\"").arg(name));
                           fields.append(name);
                       });
        return fields;
    }

    Category category(const json &object, const JsonPath &path)
    {
        expectFields(object, path, { "id", "number", "title", "severity", "weight", "sections" });
        Category result;
        result.id = id(object, path);
        const json &number = field(object, path, "number");
        expectType(number, path.field("number"), number.is_number_integer(), "an integer");
        if (number.get<std::int64_t>() < 1 || number.get<std::int64_t>() > 9999)
            fail(path.field("number"), QStringLiteral("must be between 1 and 9999"));
        result.number = number.get<int>();
        result.title = text(object, path, "title");
        const QString severity = text(object, path, "severity");
        const std::optional<Severity> parsed = severityFromKey(severity);
        if (!parsed)
            fail(path.field("severity"),
                 QStringLiteral("unknown severity \"%1\" (expected low, medium, high or critical)").arg(severity));
        result.severity = *parsed;
        if (object.contains("weight")) {
            const json &weight = field(object, path, "weight");
            expectType(weight, path.field("weight"), weight.is_number(), "a number");
            if (!(weight.get<double>() > 0) || !std::isfinite(weight.get<double>()))
                fail(path.field("weight"), QStringLiteral("must be a positive number"));
            result.weight = weight.get<double>();
        }
        forEachElement(object, path, "sections", Required::NonEmpty,
                       [&](const json &value, const JsonPath &at) { result.sections.push_back(section(value, at)); });
        return result;
    }

    Section section(const json &object, const JsonPath &path)
    {
        expectFields(object, path, { "id", "title", "items" });
        Section result;
        result.id = id(object, path);
        result.title = text(object, path, "title");
        result.items = items(object, path, "items", 1);
        return result;
    }

    std::vector<Item> items(const json &object, const JsonPath &path, const char *key, int depth)
    {
        if (depth > MaxItemDepth)
            fail(path.field(key), QStringLiteral("items nested more than %1 levels deep").arg(MaxItemDepth));
        std::vector<Item> result;
        forEachElement(object, path, key, Required::NonEmpty, [&](const json &value, const JsonPath &at) {
            expectFields(value, at, { "id", "text", "children", "tags" });
            Item item;
            item.id = id(value, at);
            item.text = text(value, at, "text");
            if (value.contains("tags"))
                item.tags = tags(value, at);
            if (value.contains("children"))
                item.children = items(value, at, "children", depth + 1);
            result.push_back(std::move(item));
        });
        return result;
    }

    QStringList tags(const json &object, const JsonPath &path) const
    {
        static const QRegularExpression kebab(
            QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9]+(-[a-z0-9]+)*")));
        QStringList values;
        forEachElement(object, path, "tags", Required::NonEmpty, [&](const json &value, const JsonPath &at) {
            const QString tag = textValue(value, at);
            if (!kebab.match(tag).hasMatch())
                fail(at, QStringLiteral("tag \"%1\" is not lowercase kebab-case").arg(tag));
            if (values.contains(tag))
                fail(at, QStringLiteral("duplicate tag \"%1\"").arg(tag));
            if (isReservedTag(tag))
                fail(at,
                     QStringLiteral("tag \"%1\" is reserved: --profile %1 means %2; choose another name")
                         .arg(tag,
                              tag == QLatin1String("all") ? QStringLiteral("every item applies")
                                                          : QStringLiteral("no tagged item applies")));
            values.append(tag);
        });
        return values;
    }

    SummaryGroup summaryGroup(const json &object, const JsonPath &path)
    {
        expectFields(object, path, { "id", "title", "items" });
        SummaryGroup group;
        group.id = id(object, path);
        group.title = text(object, path, "title");
        forEachElement(object, path, "items", Required::NonEmpty, [&](const json &value, const JsonPath &at) {
            expectFields(value, at, { "id", "text", "rule" });
            SummaryItem item;
            item.id = id(value, at);
            item.text = text(value, at, "text");
            const QString rule = text(value, at, "rule");
            const std::optional<SummaryRule> parsed = summaryRuleFromKey(rule);
            if (!parsed)
                fail(at.field("rule"),
                     QStringLiteral("unknown rule \"%1\" (expected manual, all-critical-done, all-high-done, "
                                    "high-risks-mitigated or signed-off)")
                         .arg(rule));
            item.rule = *parsed;
            group.items.push_back(std::move(item));
        });
        return group;
    }

    QString m_sourceName;
    const json &m_root;
    QHash<QString, const json *> m_idOwners; // id → the object that used it first
};

} // namespace

Template parseTemplate(const QByteArray &bytes, const QString &sourceName)
{
    if (const std::optional<qsizetype> invalid = firstInvalidUtf8(bytes)) {
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: not valid UTF-8 at %2 (byte 0x%3 at offset %4)")
                        .arg(sourceName, describePosition(bytes, *invalid))
                        .arg(static_cast<unsigned char>(bytes[*invalid]), 2, 16, QLatin1Char('0'))
                        .arg(*invalid));
    }
    json root;
    try {
        root = json::parse(bytes.begin(), bytes.end());
    } catch (const json::parse_error &error) {
        // error.byte is the 1-based position of the character that could not be parsed.
        const qsizetype offset = error.byte > 0 ? static_cast<qsizetype>(error.byte) - 1 : 0;
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: malformed JSON at %2: %3")
                        .arg(sourceName, describePosition(bytes, offset), parseErrorReason(error.what())));
    } catch (const json::exception &error) {
        // e.g. a number too large for a double: not a syntax error, but still unreadable.
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: malformed JSON: %2").arg(sourceName, QString::fromUtf8(error.what())));
    }
    return TemplateReader(sourceName, root).read();
}

Template loadTemplateFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Error::Kind::Io, QStringLiteral("%1: cannot open template: %2").arg(path, file.errorString()));
    // Read one byte past the limit rather than trusting size(): pipes and /proc files report 0.
    const QByteArray bytes = file.read(MaxTemplateFileSize + 1);
    if (bytes.size() > MaxTemplateFileSize)
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: file is larger than the 10 MB limit for templates").arg(path));
    if (file.error() != QFileDevice::NoError)
        throw Error(Error::Kind::Io, QStringLiteral("%1: cannot read template: %2").arg(path, file.errorString()));
    return parseTemplate(bytes, path);
}

} // namespace preflight
