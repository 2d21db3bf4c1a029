using System;
using System.Collections.Generic;
using Google.Protobuf;
using PolyNet.Onnx.Format;

namespace PolyNet.Onnx;

/// <summary>
/// Builds one ONNX graph: constant tensors (initializers), nodes in topological order, typed inputs and outputs, in the
/// element type of the export (float64 or float32), then the model around it with its opset and metadata.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    /// <summary>The ONNX operator set the model imports: MatMul, Add, Sigmoid, Concat, Softmax as of opset 17.</summary>
    public const int Opset = 17;

    /// <summary>IR version 8 is the one that goes with opset 17.</summary>
    public const int IrVersion = 8;

    private readonly GraphProto _graph = new();
    private readonly bool _double;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public OnnxGraphBuilder(string name, bool isDouble)
    {
        _graph.Name = name;
        _double = isDouble;
    }

    private int ElementType => (int)(_double ? TensorProto.Types.DataType.Double : TensorProto.Types.DataType.Float);

    /// <summary>A graph input of shape [batch, 1], the batch dimension symbolic.</summary>
    public string Input(string name, string documentation)
    {
        _graph.Input.Add(Value(Reserve(name), documentation, 1));
        return name;
    }

    /// <summary>A graph output of shape [batch, width].</summary>
    public void Output(string name, int width, string documentation) => _graph.Output.Add(Value(name, documentation, width));

    /// <summary>A constant matrix (row-major, rows × columns), rounded to the export's element type.</summary>
    public string Matrix(string name, double[] values, int rows, int columns)
    {
        var tensor = new TensorProto { Name = Reserve(name), DataType = ElementType };
        tensor.Dims.Add(rows);
        tensor.Dims.Add(columns);
        Store(tensor, values);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A constant vector, broadcast along the batch by Add.</summary>
    public string Vector(string name, double[] values)
    {
        var tensor = new TensorProto { Name = Reserve(name), DataType = ElementType };
        tensor.Dims.Add(values.Length);
        Store(tensor, values);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A node <paramref name="op"/>(inputs) → output, with an optional integer attribute (Concat's and Softmax's axis).</summary>
    public string Node(string op, string output, string[] inputs, string? attribute = null, long value = 0)
    {
        var node = new NodeProto { OpType = op, Name = Reserve(output) + "_" + op };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        if (attribute is not null)
        {
            node.Attribute.Add(new AttributeProto { Name = attribute, Type = AttributeProto.Types.AttributeType.Int, I = value });
        }

        _graph.Node.Add(node);
        return output;
    }

    /// <summary>The whole model: IR 8, opset 17 of the default domain, PolyNet as producer, and the metadata.</summary>
    public ModelProto Model(string documentation, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "PolyNet",
            ProducerVersion = typeof(OnnxGraphBuilder).Assembly.GetName().Version?.ToString() ?? "0.0.0.0",
            DocString = documentation,
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        foreach (var (key, value) in metadata)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model;
    }

    private void Store(TensorProto tensor, double[] values)
    {
        if (_double)
        {
            tensor.DoubleData.AddRange(values);
            return;
        }

        foreach (double value in values)
        {
            tensor.FloatData.Add((float)value);
        }
    }

    private ValueInfoProto Value(string name, string documentation, int width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto
        {
            Name = name,
            DocString = documentation,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = ElementType, Shape = shape } },
        };
    }

    private string Reserve(string name)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"The ONNX graph already has a value named '{name}'.");
        }

        return name;
    }
}
