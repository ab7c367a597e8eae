#pragma once
// Moved to service/http/query.hpp (issue 12). This forwarder stays only until the files of other owners that still include
// the old path (service/write_endpoints.cpp, service/import_export.cpp, service/export_endpoint.cpp, fuzz/) are switched to the new one.
#include "service/http/query.hpp"
