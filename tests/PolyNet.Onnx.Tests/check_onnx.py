"""The ONNX project's own checker on exported models; run by hand, never in CI (it needs Python's onnx package).

    apt-get install python3-onnx            # onnx 1.12: IR 8, opset 17
    dotnet run --project src/PolyNet.Cli -- export "x*y + 3*x*y*z" --onnx /tmp/m1.onnx
    /usr/bin/python3 tests/PolyNet.Onnx.Tests/check_onnx.py /tmp/m1.onnx [more.onnx ...]

Each model must pass onnx.checker.check_model(full_check=True) and strict shape inference.
"""
import sys

import onnx

for path in sys.argv[1:]:
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    outputs = [(o.name, [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim]) for o in inferred.graph.output]
    print(f"{path}: checker OK, IR {model.ir_version}, opset {model.opset_import[0].version}, {len(model.graph.node)} nodes, outputs {outputs}")
