#pragma once
// Moved to service/endpoints/parameters.hpp (issue 12). This forwarder stays only until the files of other owners that still include
// the old path (service/write_endpoints.cpp, service/import_export.cpp) are switched to the new one.
#include "service/endpoints/parameters.hpp"
