#ifndef CONVTUTOR_CLIBYAML_SHIM_H
#define CONVTUTOR_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
