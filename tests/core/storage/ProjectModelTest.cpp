#include "model/Project.h"

#include <catch2/catch.hpp>

using namespace preflight;

TEST_CASE("Status and decision keys round-trip", "[model]")
{
    for (auto status : { ItemStatus::Open, ItemStatus::Done, ItemStatus::NotApplicable })
        CHECK(itemStatusFromKey(itemStatusKey(status)) == status);
    CHECK(itemStatusKey(ItemStatus::NotApplicable) == QStringLiteral("na"));
    for (auto status : { RiskStatus::Open, RiskStatus::Mitigated, RiskStatus::Accepted, RiskStatus::Closed })
        CHECK(riskStatusFromKey(riskStatusKey(status)) == status);
    for (auto decision : { Decision::Approve, Decision::ApproveWithRisks, Decision::Reject })
        CHECK(decisionFromKey(decisionKey(decision)) == decision);
    CHECK(decisionKey(Decision::ApproveWithRisks) == QStringLiteral("approve-with-risks"));
    CHECK_FALSE(itemStatusFromKey(QStringLiteral("Done")).has_value());
    CHECK_FALSE(riskStatusFromKey(QString()).has_value());
    CHECK_FALSE(decisionFromKey(QStringLiteral("approve with risks")).has_value());
}

TEST_CASE("An accepted risk counts as open after its acceptance expires", "[model]")
{
    Risk risk;
    risk.status = RiskStatus::Accepted;
    CHECK(risk.effectiveStatus(QDate(2030, 1, 1)) == RiskStatus::Accepted); // no end date
    risk.acceptedUntil = QDate(2026, 6, 30);
    CHECK(risk.effectiveStatus(QDate(2026, 6, 30)) == RiskStatus::Accepted);
    CHECK(risk.effectiveStatus(QDate(2026, 7, 1)) == RiskStatus::Open);
    risk.status = RiskStatus::Mitigated;
    CHECK(risk.effectiveStatus(QDate(2026, 7, 1)) == RiskStatus::Mitigated);
}

TEST_CASE("The review digest covers item states and risks but not notes or times", "[model]")
{
    ProjectState state;
    state.project.name = QStringLiteral("P");
    const QString empty = state.reviewDigest();
    CHECK(empty.size() == 64);
    CHECK(state.itemState(QStringLiteral("absent")).status == ItemStatus::Open);
    CHECK(state.itemState(QStringLiteral("absent")).itemId == QStringLiteral("absent"));

    ItemState item;
    item.itemId = QStringLiteral("a");
    item.status = ItemStatus::Done;
    state.items[item.itemId] = item;
    const QString withItem = state.reviewDigest();
    CHECK(withItem != empty);

    state.items[item.itemId].note = QStringLiteral("commentary");
    state.items[item.itemId].changedAt = QDateTime::currentDateTimeUtc();
    state.project.notes = QStringLiteral("notes");
    state.signoffs.push_back(SignOff {});
    CHECK(state.reviewDigest() == withItem);

    state.items[item.itemId].owner = QStringLiteral("someone");
    CHECK(state.reviewDigest() != withItem);

    // Back to an empty open state digests like never touched.
    ItemState reset;
    reset.itemId = item.itemId;
    state.items[item.itemId] = reset;
    CHECK(state.reviewDigest() == empty);

    Risk risk;
    risk.id = 1;
    risk.title = QStringLiteral("r");
    state.risks.push_back(risk);
    const QString withRisk = state.reviewDigest();
    CHECK(withRisk != empty);
    state.risks[0].severity = Severity::Critical;
    CHECK(state.reviewDigest() != withRisk);

    // Field boundaries cannot be shifted to forge an equal digest.
    ProjectState a;
    a.items[QStringLiteral("ab")].reason = QStringLiteral("c");
    ProjectState b;
    b.items[QStringLiteral("ab")].owner = QStringLiteral("c");
    CHECK(a.reviewDigest() != b.reviewDigest());
}
