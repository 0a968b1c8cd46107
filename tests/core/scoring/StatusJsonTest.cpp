#include "scoring/StatusJson.h"

#include "core/scoring/SampleReview.h"

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;
using nlohmann::json;

TEST_CASE("status JSON carries the documented keys and values", "[scoring][json]")
{
    const Template t = sampleTemplate();
    ProjectState state;
    state.project.name = QStringLiteral("Apollo");
    state.project.templateId = t.id;
    state.project.templateVersion = t.version;
    state.project.targetDate = QDate(2027, 1, 15);
    setStatus(state, { "c1", "c2", "cp.a", "cp.b", "h1" }, ItemStatus::Done);
    setStatus(state, { "m1" }, ItemStatus::NotApplicable);
    state.risks.push_back(risk(4, Severity::High, RiskStatus::Accepted, QDate(2026, 12, 31)));
    const json doc = statusJson(t, state, assess(t, state, Today), Today);

    CHECK(doc["schema"] == "preflight.status/1");
    CHECK(doc["as_of"] == "2026-11-25");
    CHECK(doc["project"]["name"] == "Apollo");
    CHECK(doc["project"]["target_date"] == "2027-01-15");
    CHECK(doc["project"]["actual_date"].is_null());
    CHECK(doc["template"] == json { { "id", "sample" }, { "version", "1.2.0" }, { "title", "Sample" } });
    CHECK(doc["verdict"] == "ready-with-risks");
    CHECK(doc["verdict_label"] == "Ready with Risks");
    CHECK(doc["verdict_reasons"]
          == json { "1 high-priority item open", "1 low-priority item open", "1 summary item open",
                    "1 risk accepted rather than mitigated" });
    // critical 100 x3, high 50 x2, medium n/a, low 0 x1 = 400 / 6
    CHECK(doc["score"] == 66.7);
    CHECK(doc["counts"]
          == json { { "done", 6 }, { "na", 1 }, { "open", 2 }, { "total", 9 }, { "outside_profile", 0 } });
    CHECK(doc["project"]["profile"].is_null());
    CHECK(doc["outside_profile"] == json::array());
    CHECK(doc["by_severity"]["critical"]["done"] == 5);

    const json &medium = doc["categories"][2];
    CHECK(medium["id"] == "med");
    CHECK(medium["severity"] == "medium");
    CHECK(medium["weight"] == 1.5);
    CHECK(medium["score"].is_null());
    CHECK(medium["na"] == 1);

    const json &high = doc["summary"][1];
    CHECK(
        high
        == json {
            { "id", "exec.high" },
            { "group", "exec" },
            { "text", "All high items completed" },
            { "met", false },
            { "computed", true },
            { "reason", "1 high-priority item open" },
            { "shortfalls",
              json::array(
                  { { { "kind", "open-items" }, { "severity", "high" }, { "count", 1 }, { "items", { "h2" } } } }) } });
    CHECK(doc["summary"][2]["reason"] == "not ticked");
    CHECK(doc["summary"][2]["shortfalls"] == json::array());

    // The structured reasons sit beside the sentences, one for one.
    const json &shortfalls = doc["verdict_shortfalls"];
    REQUIRE(shortfalls.size() == 4);
    CHECK(shortfalls[0]
          == json { { "kind", "open-items" }, { "severity", "high" }, { "count", 1 }, { "items", { "h2" } } });
    CHECK(shortfalls[1]
          == json { { "kind", "open-items" }, { "severity", "low" }, { "count", 1 }, { "items", { "l1" } } });
    CHECK(shortfalls[2]
          == json { { "kind", "open-summary-items" },
                    { "severity", "high" },
                    { "count", 1 },
                    { "items", { "exec.rollback" } } });
    CHECK(shortfalls[3]
          == json { { "kind", "accepted-risks" }, { "severity", "high" }, { "count", 1 }, { "items", { "4" } } });

    CHECK(doc["risks"]["open_high_or_critical"] == 0);
    CHECK(doc["risks"]["accepted"] == 1);
    CHECK(doc["risks"]["items"][0]["id"] == 4);
    CHECK(doc["risks"]["items"][0]["accepted_until"] == "2026-12-31");
    CHECK(doc["risks"]["items"][0]["effective_status"] == "accepted");

    REQUIRE(doc["signoffs"].size() == 2);
    CHECK(doc["signoffs"][0]["role"] == "Engineering Lead");
    CHECK(doc["signoffs"][0]["decision"].is_null());
    CHECK(doc["signoffs"][0]["stale"] == false);
    CHECK(doc["signoffs"][0]["standing"] == "not-signed");
    CHECK(doc["summary"][4]["shortfalls"][0]
          == json { { "kind", "signoffs-missing" },
                    { "severity", nullptr },
                    { "count", 2 },
                    { "items", { "Engineering Lead", "DevOps Lead" } } });
    CHECK(doc["signed_off"] == false);

    REQUIRE(doc["actions"].size() == 3);
    CHECK(doc["actions"][0]
          == json { { "kind", "item" },
                    { "id", "h2" },
                    { "text", "Item h2" },
                    { "severity", "high" },
                    { "category", "high" } });
    CHECK(doc["actions"][1]["kind"] == "summary");
    CHECK(doc["actions"][1]["category"].is_null());
}

TEST_CASE("an expired acceptance shows as an open risk in JSON", "[scoring][json]")
{
    Risk r = risk(2, Severity::Critical, RiskStatus::Accepted, QDate(2026, 11, 1));
    r.acceptedBy = QStringLiteral("cto");
    const json doc = riskJson(r, Today);
    CHECK(doc["status"] == "accepted");
    CHECK(doc["effective_status"] == "open");
    CHECK(doc["accepted_by"] == "cto");
    CHECK(doc["severity"] == "critical");
}
