#pragma once

#include "model/Project.h"
#include "model/Template.h"
#include "scoring/Assessment.h"

#include <QDate>

#include <memory>

namespace preflight {

class Store;
class TemplateRegistry;

// The one way a project's template is found, used by the command line, the window and every
// report, so one review never gets two verdicts: the exact version the project was created on,
// first as stored in the database, else the installed copy of that version (which is then stored,
// so the file becomes complete). Never a newer or older version. Throws Error(Data) naming the
// database, the project, the template id and the version when neither has it.
std::shared_ptr<const Template> resolveTemplate(Store &store, const TemplateRegistry &registry, const Project &project);

// Stores every installed template version the database's projects use but it does not hold yet
// (a database written before templates were stored); returns how many were stored.
int storeInstalledTemplates(Store &store, const TemplateRegistry &registry);

// One project's review, loaded and assessed: what status, the project list and reports show.
struct Review
{
    Project project;
    std::shared_ptr<const Template> tmpl;
    ProjectState state;
    Assessment assessment;
    QDate today;
};
Review loadReview(Store &store, const TemplateRegistry &registry, const Project &project, const QDate &today);

} // namespace preflight
