#include "engine/eval/report.hpp"
namespace kpi::eval {
std::string report_html(const eval_result&, lang) { return ""; }
}
