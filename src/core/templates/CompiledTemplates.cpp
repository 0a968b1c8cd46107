#include "templates/CompiledTemplates.h"

#include "Error.h"

#include <QDataStream>
#include <QIODevice>

namespace preflight {

namespace {

constexpr quint32 Magic = 0x50465450; // "PFTP": Preflight templates, pre-parsed
// Bump with any change to the layout below; the compiler and the reader are always built together.
constexpr quint32 FormatVersion = 1;
// The JSON loader refuses deeper nesting; damaged input must not recurse without bound either.
constexpr int MaxItemDepth = 8;

void prepare(QDataStream &stream)
{
    stream.setVersion(QDataStream::Qt_6_4);
    // The byte order of the machine that reads it: no swapping of every character at startup.
    stream.setByteOrder(QDataStream::LittleEndian);
}

template<typename T, typename WriteOne>
void writeList(QDataStream &out, const std::vector<T> &values, WriteOne writeOne)
{
    out << quint32(values.size());
    for (const T &value : values)
        writeOne(out, value);
}

template<typename T, typename ReadOne> void readList(QDataStream &in, std::vector<T> &values, ReadOne readOne)
{
    quint32 count = 0;
    in >> count;
    // Every element takes at least four bytes: a larger count is damage, not a huge template.
    if (in.status() != QDataStream::Ok || count > in.device()->bytesAvailable() / 4) {
        in.setStatus(QDataStream::ReadCorruptData);
        return;
    }
    values.reserve(count);
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i)
        readOne(in, values.emplace_back());
}

void writeItem(QDataStream &out, const Item &item)
{
    out << item.id << item.text;
    writeList(out, item.children, writeItem);
}

void readItem(QDataStream &in, Item &item, int depth)
{
    in >> item.id >> item.text;
    if (depth >= MaxItemDepth) {
        in.setStatus(QDataStream::ReadCorruptData);
        return;
    }
    readList(in, item.children, [depth](QDataStream &stream, Item &child) { readItem(stream, child, depth + 1); });
}

void writeCategory(QDataStream &out, const Category &category)
{
    out << category.id << qint32(category.number) << category.title << quint8(category.severity)
        << category.weight.has_value() << category.weight.value_or(0.0);
    writeList(out, category.sections, [](QDataStream &stream, const Section &section) {
        stream << section.id << section.title;
        writeList(stream, section.items, writeItem);
    });
}

void readCategory(QDataStream &in, Category &category)
{
    qint32 number = 0;
    quint8 severity = 0;
    bool hasWeight = false;
    double weight = 0;
    in >> category.id >> number >> category.title >> severity >> hasWeight >> weight;
    if (severity > quint8(Severity::Critical))
        in.setStatus(QDataStream::ReadCorruptData);
    category.number = number;
    category.severity = Severity(severity);
    if (hasWeight)
        category.weight = weight;
    readList(in, category.sections, [](QDataStream &stream, Section &section) {
        stream >> section.id >> section.title;
        readList(stream, section.items, [](QDataStream &s, Item &item) { readItem(s, item, 1); });
    });
}

void writeSummaryGroup(QDataStream &out, const SummaryGroup &group)
{
    out << group.id << group.title;
    writeList(out, group.items, [](QDataStream &stream, const SummaryItem &item) {
        stream << item.id << item.text << quint8(item.rule);
    });
}

void readSummaryGroup(QDataStream &in, SummaryGroup &group)
{
    in >> group.id >> group.title;
    readList(in, group.items, [](QDataStream &stream, SummaryItem &item) {
        quint8 rule = 0;
        stream >> item.id >> item.text >> rule;
        if (rule > quint8(SummaryRule::SignedOff))
            stream.setStatus(QDataStream::ReadCorruptData);
        item.rule = SummaryRule(rule);
    });
}

void writeTemplate(QDataStream &out, const Template &tmpl)
{
    out << tmpl.id << tmpl.version << tmpl.title << tmpl.description;
    writeList(out, tmpl.categories, writeCategory);
    writeList(out, tmpl.summary, writeSummaryGroup);
    out << tmpl.signoffRoles << tmpl.riskColumns << tmpl.statusValues << tmpl.projectFields;
}

void readTemplate(QDataStream &in, Template &tmpl)
{
    in >> tmpl.id >> tmpl.version >> tmpl.title >> tmpl.description;
    readList(in, tmpl.categories, readCategory);
    readList(in, tmpl.summary, readSummaryGroup);
    in >> tmpl.signoffRoles >> tmpl.riskColumns >> tmpl.statusValues >> tmpl.projectFields;
}

} // namespace

QByteArray writeCompiledTemplates(const std::vector<Template> &templates)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    prepare(out);
    out << Magic << FormatVersion;
    writeList(out, templates, writeTemplate);
    return bytes;
}

std::vector<Template> readCompiledTemplates(const QByteArray &bytes, const QString &sourceName)
{
    QDataStream in(bytes);
    prepare(in);
    quint32 magic = 0;
    quint32 version = 0;
    in >> magic >> version;
    if (magic != Magic || version != FormatVersion)
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: not a set of compiled templates of format version %2")
                        .arg(sourceName)
                        .arg(FormatVersion));
    std::vector<Template> templates;
    readList(in, templates, readTemplate);
    if (in.status() != QDataStream::Ok || !in.atEnd())
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: compiled templates are damaged (stopped at byte %2 of %3)")
                        .arg(sourceName)
                        .arg(in.device()->pos())
                        .arg(bytes.size()));
    return templates;
}

} // namespace preflight
