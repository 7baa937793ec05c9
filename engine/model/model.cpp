#include "engine/model/model.hpp"

namespace kpi::model {

std::string_view op_text(op o) {
  switch (o) {
    case op::ge:
      return ">=";
    case op::le:
      return "<=";
    case op::eq:
      return "=";
    case op::gt:
      return ">";
    case op::lt:
      return "<";
    case op::between:
      return "between";
    case op::none:
      return "";
  }
  return "";
}

}  // namespace kpi::model
