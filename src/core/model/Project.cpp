#include "model/Project.h"

#include "model/EnumKeys.h"

#include <QCryptographicHash>

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace preflight {

namespace {

constexpr std::array itemStatusKeys = { std::pair { ItemStatus::Open, "open" }, std::pair { ItemStatus::Done, "done" },
                                        std::pair { ItemStatus::NotApplicable, "na" } };
constexpr std::array riskStatusKeys
    = { std::pair { RiskStatus::Open, "open" }, std::pair { RiskStatus::Mitigated, "mitigated" },
        std::pair { RiskStatus::Accepted, "accepted" }, std::pair { RiskStatus::Closed, "closed" } };
constexpr std::array decisionKeys
    = { std::pair { Decision::Approve, "approve" }, std::pair { Decision::ApproveWithRisks, "approve-with-risks" },
        std::pair { Decision::Reject, "reject" } };

// Length-prefixed so that no field content can shift a boundary and collide with another state.
// The fields are gathered and hashed once: SHA-256 over the concatenation is the same digest, and
// a million small hash updates were a fifth of assessing every project for the portfolio. Most
// fields are ASCII (ids, keys, names), whose UTF-8 is their characters: those are copied straight
// in, as a temporary per field was most of the rest.
void addField(QByteArray &serialised, QStringView value)
{
    const bool ascii = std::all_of(value.begin(), value.end(), [](QChar c) { return c.unicode() < 0x80; });
    const QByteArray utf8 = ascii ? QByteArray() : value.toUtf8();
    std::array<char, 24> digits {};
    const char *digitsEnd = std::to_chars(digits.begin(), digits.end(), ascii ? value.size() : utf8.size()).ptr;
    serialised.append(digits.data(), digitsEnd - digits.data());
    serialised.append(':');
    if (!ascii) {
        serialised.append(utf8);
        return;
    }
    const qsizetype at = serialised.size();
    serialised.resize(at + value.size());
    std::transform(value.begin(), value.end(), serialised.data() + at, [](QChar c) { return char(c.unicode()); });
}

bool isUntouched(const ItemState &state)
{
    return state.status == ItemStatus::Open && state.reason.isEmpty() && state.owner.isEmpty()
        && state.evidence.isEmpty();
}

} // namespace

QString itemStatusKey(ItemStatus status)
{
    return keyOf(itemStatusKeys, status);
}

std::optional<ItemStatus> itemStatusFromKey(const QString &key)
{
    return valueOf(itemStatusKeys, key);
}

QString riskStatusKey(RiskStatus status)
{
    return keyOf(riskStatusKeys, status);
}

std::optional<RiskStatus> riskStatusFromKey(const QString &key)
{
    return valueOf(riskStatusKeys, key);
}

QString decisionKey(Decision decision)
{
    return keyOf(decisionKeys, decision);
}

std::optional<Decision> decisionFromKey(const QString &key)
{
    return valueOf(decisionKeys, key);
}

RiskStatus Risk::effectiveStatus(const QDate &today) const
{
    if (status == RiskStatus::Accepted && acceptedUntil && *acceptedUntil < today)
        return RiskStatus::Open;
    return status;
}

ItemState ProjectState::itemState(const QString &itemId) const
{
    const auto found = items.find(itemId);
    if (found != items.end())
        return found->second;
    ItemState untouched;
    untouched.itemId = itemId;
    return untouched;
}

ItemStatus ProjectState::itemStatus(const QString &itemId) const
{
    const auto found = items.find(itemId);
    return found != items.end() ? found->second.status : ItemStatus::Open;
}

QString ProjectState::reviewDigest() const
{
    // What a reviewer approves: each item's status, N/A reason, owner and evidence, and the risk
    // register. Notes (item and project), who changed what and when, and sign-offs are left out:
    // commentary and signing must not make other sign-offs stale. An item set back to an empty
    // open state digests like one never touched, so undoing a change restores the digest.
    QByteArray hash; // the serialisation, hashed at the end
    hash.reserve(qsizetype(64 * items.size() + 256 * risks.size() + 64));
    addField(hash, QStringLiteral("preflight-review-v1"));
    for (const auto &[id, state] : items) {
        if (isUntouched(state))
            continue;
        addField(hash, QStringLiteral("item"));
        addField(hash, id);
        addField(hash, itemStatusKey(state.status));
        addField(hash, state.reason);
        addField(hash, state.owner);
        addField(hash, state.evidence);
    }
    // Only a project with a profile digests it, so sign-offs given before profiles stay current;
    // a profile change leaves out or brings back items, so it changes what was approved.
    if (project.profile) {
        addField(hash, QStringLiteral("profile"));
        addField(hash, profileText(project.profile));
    }
    std::vector<const Risk *> ordered;
    for (const Risk &risk : risks)
        ordered.push_back(&risk);
    std::sort(ordered.begin(), ordered.end(), [](const Risk *a, const Risk *b) { return a->id < b->id; });
    for (const Risk *risk : ordered) {
        addField(hash, QStringLiteral("risk"));
        addField(hash, QString::number(risk->id));
        addField(hash, risk->title);
        addField(hash, severityKey(risk->severity));
        addField(hash, risk->mitigation);
        addField(hash, risk->owner);
        addField(hash, riskStatusKey(risk->status));
        QStringList links = risk->linkedItems;
        links.sort();
        addField(hash, QString::number(links.size()));
        for (const QString &link : links)
            addField(hash, link);
        addField(hash, risk->acceptedBy);
        addField(hash, risk->acceptedUntil ? risk->acceptedUntil->toString(Qt::ISODate) : QString());
    }
    return QString::fromLatin1(QCryptographicHash::hash(hash, QCryptographicHash::Sha256).toHex());
}

} // namespace preflight
