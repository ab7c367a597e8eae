#pragma once
// Moved to service/endpoints/endpoints.hpp (issue 12). This forwarder stays only until the files of other owners that still include
// the old path (service/export_endpoint.cpp) are switched to the new one.
#include "service/endpoints/endpoints.hpp"
