#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <catch2/catch.hpp>

#include <functional>
#include <vector>

namespace preflight::test {

struct ToolResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs an installed program (cmark-gfm, qpdf, pdftotext, …) and waits up to two minutes.
ToolResult runTool(const QString &program, const QStringList &arguments, const QByteArray &input = {});

// A parsed XML element; `text` holds the character data directly inside it, `allText` all of
// it, its descendants' included, in document order (what a reader sees).
struct XmlNode
{
    QString name;
    QMap<QString, QString> attributes;
    QString text;
    QString allText;
    std::vector<XmlNode> children;
};

// Parses well-formed XML; `error` receives the parser's message (empty when fine).
XmlNode parseXml(const QByteArray &xml, QString *error = nullptr);
void visit(const XmlNode &node, const std::function<void(const XmlNode &)> &callback);
QStringList elementNames(const XmlNode &root); // every element name, with repetitions

// The text a reader sees in a cmark-gfm XML subtree: text and code spans, with soft and hard
// line breaks (and the <br> of table cells) as "\n".
QString cmarkText(const XmlNode &node);
// cmark-gfm's AST of `markdown`, with the GFM extensions GitHub enables.
XmlNode cmarkAst(const QByteArray &markdown);

// A strict RFC 4180 reader: fails the test on a quote inside an unquoted field or an
// unterminated quoted field, and requires CRLF between records.
std::vector<QStringList> parseCsv(const QString &text);

} // namespace preflight::test

namespace Catch {
template<> struct StringMaker<QString>
{
    static std::string convert(const QString &text) { return '"' + text.toStdString() + '"'; }
};
} // namespace Catch
