#include "../export/ReportFixture.h"
#include "../export/TestTools.h"
#include "PdfDocument.h"
#include "PdfReportWriter.h"
#include "PdfTestTools.h"
#include "model/LinkPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

namespace {

struct UriLink
{
    int page = 0;
    QRectF area; // points, origin top left, as pdfWords() gives word boxes
    QString uri;
};

// Every link annotation that opens an address, read back with qpdf's JSON view of the file.
std::vector<UriLink> uriLinks(const QByteArray &pdf)
{
    const ToolResult json = runOnPdf(QStringLiteral("qpdf"), { QStringLiteral("--json=2") }, pdf);
    REQUIRE(json.exitCode == 0);
    const QJsonObject root = QJsonDocument::fromJson(json.out).object();
    const QJsonObject objects = root.value(QStringLiteral("qpdf")).toArray().at(1).toObject();
    std::vector<UriLink> links;
    const QJsonArray pages = root.value(QStringLiteral("pages")).toArray();
    for (qsizetype p = 0; p < pages.size(); ++p) {
        const QString id = pages.at(p).toObject().value(QStringLiteral("object")).toString();
        const QJsonObject page
            = objects.value(QStringLiteral("obj:") + id).toObject().value(QStringLiteral("value")).toObject();
        const qreal height = page.value(QStringLiteral("/MediaBox")).toArray().at(3).toDouble();
        for (const QJsonValue &value : page.value(QStringLiteral("/Annots")).toArray()) {
            const QJsonObject annot = value.toObject();
            const QJsonObject action = annot.value(QStringLiteral("/A")).toObject();
            if (action.isEmpty())
                continue;
            CHECK(annot.value(QStringLiteral("/Subtype")).toString() == QLatin1String("/Link"));
            CHECK(action.value(QStringLiteral("/S")).toString() == QLatin1String("/URI"));
            const QJsonArray r = annot.value(QStringLiteral("/Rect")).toArray();
            const QRectF area(QPointF(r.at(0).toDouble(), height - r.at(3).toDouble()),
                              QPointF(r.at(2).toDouble(), height - r.at(1).toDouble()));
            QString uri = action.value(QStringLiteral("/URI")).toString();
            REQUIRE(uri.startsWith(QLatin1String("u:"))); // qpdf's mark of a string it could read as text
            links.push_back({ int(p), area, uri.mid(2) });
        }
    }
    return links;
}

} // namespace

TEST_CASE("PDF links web evidence with link annotations, and nothing else", "[report][pdf][hostile][links]")
{
    requireReportFonts();
    const auto f = hostileLinkReview();
    const QByteArray pdf = PdfReportWriter(QPageSize::A4).write(f->input());
    requireQpdfCheck(pdf);

    const QStringList typed = hostileLinks();
    const QString github = typed.at(typed.size() - 2), grafana = typed.constLast();
    const std::vector<UriLink> links = uriLinks(pdf);
    QStringList uris;
    for (const UriLink &link : links)
        uris += link.uri;
    uris.removeDuplicates(); // an address wrapped over two lines has an annotation on each
    uris.sort();
    CHECK(uris
          == QStringList { LinkPolicy::href(*LinkPolicy::evidenceLink(github)),
                           LinkPolicy::href(*LinkPolicy::evidenceLink(grafana)) });

    // Each annotation lies over the address it opens, as pdftotext finds its words.
    const std::vector<PdfPage> pages = pdfWords(pdf);
    for (const UriLink &link : links) {
        INFO(link.uri.toStdString());
        const auto &words = pages.at(std::size_t(link.page)).words;
        const bool covers = std::any_of(words.begin(), words.end(), [&](const PdfWord &word) {
            return link.uri.contains(word.text) && link.area.adjusted(-1, -1, 1, 1).contains(word.box);
        });
        CHECK(covers);
    }

    // The hostile addresses are still there, as text.
    const QString text = squeezed(pdfText(pdf));
    for (const QString &address : { typed.at(0), typed.at(2), typed.at(3), typed.at(7) }) {
        INFO(address.toStdString());
        CHECK(text.contains(squeezed(address)));
    }
}

TEST_CASE("PDF URI strings escape what PDF syntax gives meaning to", "[report][pdf][links]")
{
    CHECK(pdf::pdfAsciiString("https://a.org/x_(y)\\z") == "(https://a.org/x_\\(y\\)\\\\z)");
    CHECK(pdf::pdfAsciiString("a\nb") == "(a\\012b)");
}
