#include "engine/eval/report.hpp"
namespace kpi::eval {
bool report_xlsx(const eval_result&, const std::string&, std::string& error) { error = "todo"; return false; }
}
