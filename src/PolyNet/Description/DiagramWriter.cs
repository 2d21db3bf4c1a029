using System.Text;

namespace PolyNet.Description;

/// <summary>
/// Writes a <see cref="NetworkDiagram"/> as Graphviz DOT or as a Mermaid flowchart, left to right, one line per
/// statement, lines ending in <c>\n</c>, in the diagram's fixed order (the same network always gives the same text).
/// User text (input names, the title) appears only inside quoted labels, escaped for the format.
/// </summary>
internal static class DiagramWriter
{
    /// <summary>
    /// DOT for <c>dot</c>: each rank a <c>rank=same</c> subgraph (inputs <c>source</c>, output <c>sink</c>), each gate a
    /// cluster; <c>newrank=true</c> lets a node sit in both, so a skip connection spans the ranks it skips.
    /// </summary>
    public static string Dot(NetworkDiagram diagram)
    {
        var text = new StringBuilder();
        text.Append("// ").Append(diagram.Summary).Append('\n');
        text.Append("digraph network {\n");
        text.Append("  graph [rankdir=LR, newrank=true, ranksep=1.1, nodesep=0.12, fontname=\"Helvetica\", fontsize=11");
        if (diagram.Title.Length > 0)
        {
            text.Append(", labelloc=t, label=").Append(DotString(diagram.Title));
        }

        text.Append("];\n");
        text.Append("  node [fontname=\"Helvetica\", fontsize=10, height=0.3, margin=\"0.05,0.02\"];\n");
        text.Append("  edge [arrowsize=0.4, color=\"#606060\", fontname=\"Helvetica\", fontsize=8];\n");
        foreach (var rank in diagram.Ranks)
        {
            text.Append('\n').Append("  // ").Append(rank.Label).Append('\n');
            foreach (var group in rank.Groups)
            {
                string indent = "  ";
                if (group.Id is not null)
                {
                    text.Append("  subgraph cluster_").Append(group.Id).Append(" {\n");
                    text.Append("    label=").Append(DotString(group.Label!)).Append("; style=rounded; color=\"#9090c0\";\n");
                    indent = "    ";
                }

                foreach (var node in group.Nodes)
                {
                    text.Append(indent).Append(node.Id).Append(" [label=").Append(DotString(string.Join("\n", node.Label)));
                    text.Append(node.Kind switch
                    {
                        DiagramNodeKind.Input => ", shape=box",
                        DiagramNodeKind.Output => ", shape=box, style=bold",
                        DiagramNodeKind.Gate => ", shape=box, style=rounded",
                        _ => ", shape=ellipse",
                    });
                    text.Append("];\n");
                }

                if (group.Id is not null)
                {
                    text.Append("  }\n");
                }
            }
        }

        text.Append("\n  // ranks: inputs, hidden layers in order, output\n");
        for (int r = 0; r < diagram.Ranks.Count; r++)
        {
            string rank = r == 0 ? "source" : r == diagram.Ranks.Count - 1 ? "sink" : "same";
            text.Append("  { rank=").Append(rank).Append(';');
            foreach (var group in diagram.Ranks[r].Groups)
            {
                foreach (var node in group.Nodes)
                {
                    text.Append(' ').Append(node.Id).Append(';');
                }
            }

            text.Append(" }\n");
        }

        text.Append('\n');
        foreach (var edge in diagram.Edges)
        {
            text.Append("  ").Append(edge.From).Append(" -> ").Append(edge.To);
            if (diagram.ShowWeights)
            {
                text.Append(" [label=").Append(DotString(NetworkDiagram.Number(edge.Weight))).Append(']');
            }

            text.Append(";\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// A Mermaid flowchart: each rank a subgraph (inputs, hidden layer k, output) holding one subgraph per gate; the
    /// title in the front matter.
    /// </summary>
    public static string Mermaid(NetworkDiagram diagram)
    {
        var text = new StringBuilder();
        if (diagram.Title.Length > 0)
        {
            text.Append("---\ntitle: ").Append(YamlString(diagram.Title)).Append("\n---\n");
        }

        text.Append("flowchart LR\n");
        text.Append("  %% ").Append(diagram.Summary).Append('\n');
        foreach (var rank in diagram.Ranks)
        {
            text.Append("  subgraph ").Append(rank.Id).Append(" [").Append(MermaidString(rank.Label)).Append("]\n");
            foreach (var group in rank.Groups)
            {
                string indent = "    ";
                if (group.Id is not null)
                {
                    text.Append("    subgraph ").Append(group.Id).Append(" [").Append(MermaidString(group.Label!)).Append("]\n");
                    indent = "      ";
                }

                foreach (var node in group.Nodes)
                {
                    string label = MermaidString(string.Join("\n", node.Label));
                    text.Append(indent).Append(node.Id).Append(node.Kind switch
                    {
                        DiagramNodeKind.Neuron => "(" + label + ")",
                        DiagramNodeKind.Gate => "([" + label + "])",
                        DiagramNodeKind.Output => "[[" + label + "]]",
                        _ => "[" + label + "]",
                    }).Append('\n');
                }

                if (group.Id is not null)
                {
                    text.Append("    end\n");
                }
            }

            text.Append("  end\n");
        }

        foreach (var edge in diagram.Edges)
        {
            text.Append("  ").Append(edge.From).Append(" -->");
            if (diagram.ShowWeights)
            {
                text.Append('|').Append(MermaidString(NetworkDiagram.Number(edge.Weight))).Append('|');
            }

            text.Append(' ').Append(edge.To).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A DOT double-quoted string: <c>"</c> and <c>\</c> escaped, line breaks as <c>\n</c> (centred lines).</summary>
    internal static string DotString(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// A Mermaid quoted label: <c>"</c>, <c>#</c>, <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> and the backtick as entity
    /// codes (<c>#quot;</c>, <c>#35;</c>, …; nothing inside can end the label or become markup), line breaks as
    /// <c>&lt;br&gt;</c>.
    /// </summary>
    internal static string MermaidString(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                '&' => "#amp;",
                '<' => "#lt;",
                '>' => "#gt;",
                '`' => "#96;",
                '\n' => "<br>",
                '\r' => "",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>A YAML double-quoted scalar on one line (the Mermaid front matter's title).</summary>
    internal static string YamlString(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' or '\r' or '\t' => " ",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
