"""Checks an ONNX file with the ONNX checker (python3-onnx) and prints one JSON line:
opset, IR version, nodes (name, op) and initializer element types, for the tests to assert on.
Exit 1 with the checker's message when the model is invalid."""
import json
import sys

import onnx


def main(path):
    model = onnx.load(path)
    try:
        onnx.checker.check_model(model, full_check=True)
    except Exception as error:  # the checker raises ValidationError (and others on shapes)
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    names = {value: key for key, value in onnx.TensorProto.DataType.items()}
    print(json.dumps({
        "opset": [op.version for op in model.opset_import if op.domain in ("", "ai.onnx")][0],
        "ir_version": model.ir_version,
        "nodes": [{"name": node.name, "op": node.op_type} for node in model.graph.node],
        "initializers": {tensor.name: names[tensor.data_type] for tensor in model.graph.initializer},
        "inputs": [[d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim] for value in model.graph.input],
        "metadata": {entry.key: entry.value for entry in model.metadata_props},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
