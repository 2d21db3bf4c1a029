using System;
using System.IO;
using System.Linq;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using PolyNet.Onnx.Format;

namespace PolyNet.Onnx.Tests;

/// <summary>What the model file holds: the ONNX version, the operators, the inputs and output, the metadata.</summary>
public class ModelStructureTests
{
    [Fact]
    public void The_model_is_IR_8_with_opset_17_and_only_MatMul_Add_Sigmoid_and_Concat_nodes()
    {
        using var runner = new OnnxRunner(Hamiltonians.OscillatorNetwork);
        var model = ModelProto.Parser.ParseFrom(runner.Bytes);
        Assert.Equal(8, model.IrVersion);
        var opset = Assert.Single(model.OpsetImport);
        Assert.Equal(string.Empty, opset.Domain);
        Assert.Equal(17, opset.Version);
        Assert.Equal("PolyNet", model.ProducerName);
        Assert.Subset(new[] { "MatMul", "Add", "Sigmoid", "Concat" }.ToHashSet(), model.Graph.Node.Select(n => n.OpType).ToHashSet());
        Assert.All(model.Graph.Initializer, t => Assert.Equal((int)TensorProto.Types.DataType.Double, t.DataType));
    }

    [Fact]
    public void Each_parameter_is_an_input_of_shape_batch_by_1_and_the_output_is_energy()
    {
        using var runner = new OnnxRunner(Hamiltonians.ReadmeFNetwork);
        Assert.Equal(new[] { "x", "y", "z" }, runner.Session.InputMetadata.Keys.ToArray());
        foreach (var input in runner.Session.InputMetadata.Values)
        {
            Assert.Equal(typeof(float), input.ElementType);
            Assert.Equal(new[] { -1, 1 }, input.Dimensions);
        }

        var output = Assert.Single(runner.Session.OutputMetadata);
        Assert.Equal("energy", output.Key);
        Assert.Equal(new[] { -1, 1 }, output.Value.Dimensions);
    }

    [Fact]
    public void The_metadata_holds_the_expression_polynomial_bounds_and_the_export_s_own_bound()
    {
        using var runner = new OnnxRunner(Hamiltonians.ReadmeNetwork);
        var metadata = runner.Session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("x*y + 3*x*y*z", metadata["polynet.expression"]);
        Assert.Equal(Hamiltonians.ReadmeNetwork.Polynomial, metadata["polynet.polynomial"]);
        Assert.Equal("1,1,1", metadata["polynet.input_bounds"]);
        Assert.Equal("float64", metadata["polynet.precision"]);
        Assert.Equal(runner.Result.MaxError, double.Parse(metadata["polynet.max_error"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Hamiltonians.ReadmeNetwork.MaxError, double.Parse(metadata["polynet.generated_max_error"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(runner.Result.MaxError > Hamiltonians.ReadmeNetwork.MaxError);
    }

    [Fact]
    public void A_double_network_exports_as_float32_when_asked_with_a_float_bound()
    {
        using var runner = new OnnxRunner(Hamiltonians.ReadmeNetwork, new OnnxExportOptions { Precision = NetworkPrecision.Single });
        Assert.Equal(typeof(float), runner.Session.InputMetadata["x"].ElementType);
        using var native = new OnnxRunner(Hamiltonians.ReadmeFNetwork);
        Assert.Equal(native.Result.MaxError, runner.Result.MaxError);
        var (worst, _) = ExportAccuracyTests.Search(runner, 3);
        Assert.True(worst <= runner.Result.MaxError);
    }

    [Fact]
    public void The_sizes_are_the_network_s_neurons_and_layers()
    {
        using var runner = new OnnxRunner(Hamiltonians.Product8Network);
        Assert.Equal(Hamiltonians.Product8Network.NeuronCount, runner.Result.Neurons);
        Assert.Equal(Hamiltonians.Product8Network.HiddenLayers, runner.Result.HiddenLayers);
    }

    [Fact]
    public void Flat_products_are_refused_with_what_to_do_instead()
    {
        var error = Assert.Throws<NotSupportedException>(() => Hamiltonians.Flat4Network.ExportOnnx(new MemoryStream()));
        Assert.Contains("MaxHiddenLayers = 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => OnnxExport.ExportOnnx((SigmoidNetwork)null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => Hamiltonians.ReadmeNetwork.ExportOnnx(null!));
    }
}
