// Every op definition shared by the interpreter and the JIT (see ops/op_support.h).
#pragma once

#include "core/interp/ops/arith_ops.h"
#include "core/interp/ops/container_ops.h"
#include "core/interp/ops/control_ops.h"
#include "core/interp/ops/local_ops.h"
#include "core/interp/ops/name_ops.h"
