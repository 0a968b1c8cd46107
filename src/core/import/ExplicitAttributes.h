#pragma once

#include "import/BlockAttributes.h"
#include "import/IdGenerator.h"
#include "import/MarkdownBlocks.h"
#include "model/Template.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace preflight::import {

// How the reader applies what a template export writes in HTML comments (BlockAttributes.h):
// the ids the file names, a category's weight, a summary item's rule, an item's tags, and the
// template's own id and version. A value that is not valid is a warning with its line and the
// reader falls back to what it would do without it; the file still imports.
class ExplicitAttributes
{
public:
    using Warn = std::function<void(int line, const QString &message)>;
    // Reserves every id the blocks name, so that no id made from text takes one of them.
    ExplicitAttributes(const std::vector<MarkdownBlock> &blocks, Warn warn);

    // The id the attributes name, else one made from the text (IdGenerator::make).
    QString id(const BlockAttributes &attributes, int line, const QString &parent, const QString &text,
               const QString &fallback);
    std::optional<double> weight(const BlockAttributes &attributes, int line) const;
    std::optional<SummaryRule> rule(const BlockAttributes &attributes, int line) const;
    QStringList tags(const BlockAttributes &attributes, int line) const;

    // "<!-- preflight-template id: appendix-a; version: 1.1.0 -->": true when the block is that
    // comment (whose id and version are then declared).
    bool readTemplateComment(const MarkdownBlock &block);
    const QString &declaredId() const { return m_declaredId; }
    const QString &declaredVersion() const { return m_declaredVersion; }

private:
    IdGenerator m_ids;
    Warn m_warn;
    QString m_declaredId;
    QString m_declaredVersion;
};

} // namespace preflight::import
