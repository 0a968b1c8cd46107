#include "TestTools.h"

#include <QProcess>
#include <QXmlStreamReader>

#include <catch2/catch.hpp>

namespace preflight::test {

ToolResult runTool(const QString &program, const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        FAIL("cannot start " << program.toStdString());
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        FAIL(program.toStdString() << " did not finish");
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
             process.readAllStandardError() };
}

XmlNode parseXml(const QByteArray &xml, QString *error)
{
    QXmlStreamReader reader(xml);
    XmlNode root;
    std::vector<XmlNode *> stack { &root };
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            XmlNode node;
            node.name = reader.name().toString();
            for (const QXmlStreamAttribute &attribute : reader.attributes())
                node.attributes.insert(attribute.qualifiedName().toString(), attribute.value().toString());
            stack.back()->children.push_back(std::move(node));
            stack.push_back(&stack.back()->children.back());
            break;
        }
        case QXmlStreamReader::EndElement:
            stack.pop_back();
            break;
        case QXmlStreamReader::Characters:
            stack.back()->text += reader.text();
            for (XmlNode *node : stack)
                node->allText += reader.text();
            break;
        default:
            break;
        }
    }
    if (error)
        *error = reader.hasError() ? QStringLiteral("line %1: %2").arg(reader.lineNumber()).arg(reader.errorString())
                                   : QString();
    return root;
}

void visit(const XmlNode &node, const std::function<void(const XmlNode &)> &callback)
{
    callback(node);
    for (const XmlNode &child : node.children)
        visit(child, callback);
}

QStringList elementNames(const XmlNode &root)
{
    QStringList names;
    visit(root, [&](const XmlNode &node) {
        if (!node.name.isEmpty())
            names += node.name;
    });
    return names;
}

QString cmarkText(const XmlNode &node)
{
    if (node.name == QLatin1String("text") || node.name == QLatin1String("code"))
        return node.text;
    if (node.name == QLatin1String("softbreak") || node.name == QLatin1String("linebreak"))
        return QStringLiteral("\n");
    if (node.name == QLatin1String("html_inline") && node.text == QLatin1String("<br>"))
        return QStringLiteral("\n");
    QString text;
    for (const XmlNode &child : node.children)
        text += cmarkText(child);
    return text;
}

XmlNode cmarkAst(const QByteArray &markdown)
{
    const ToolResult result = runTool(
        QStringLiteral("cmark-gfm"),
        { QStringLiteral("-e"), QStringLiteral("table"), QStringLiteral("-e"), QStringLiteral("tasklist"),
          QStringLiteral("-e"), QStringLiteral("strikethrough"), QStringLiteral("-e"), QStringLiteral("autolink"),
          QStringLiteral("--unsafe"), QStringLiteral("-t"), QStringLiteral("xml") },
        markdown);
    REQUIRE(result.exitCode == 0);
    QString error;
    XmlNode root = parseXml(result.out, &error);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
    REQUIRE(root.children.size() == 1);
    return root.children.front();
}

// A strict RFC 4180 reader: fails the test on a quote inside an unquoted field or an
// unterminated quoted field, and requires CRLF between records.
std::vector<QStringList> parseCsv(const QString &text)
{
    std::vector<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            REQUIRE(field.isEmpty());
            quoted = wasQuoted = true;
        } else if (c == u',') {
            record += field;
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r') {
            REQUIRE(i + 1 < text.size());
            REQUIRE(text[i + 1] == u'\n');
            record += field;
            records.push_back(record);
            record.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else {
            REQUIRE_FALSE(wasQuoted); // text after a closing quote
            REQUIRE(c != u'\n'); // a bare LF outside quotes
            field += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(record.isEmpty());
    return records;
}

} // namespace preflight::test
