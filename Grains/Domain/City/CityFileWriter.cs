using System.Text.Encodings.Web;
using System.Text.Json;
using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Domain.Json;
using Dispatch.Grains.Interfaces.Model;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.City;

/// <summary>Writes a <see cref="CityModel"/> in the city file format <see cref="CityLoader"/> reads.</summary>
internal static class CityFileWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Chinese names readable in the file
    };

    public static void Write(CityModel city, Stream stream, string? comment)
    {
        using var writer = new Utf8JsonWriter(stream, Options);
        writer.WriteStartObject();
        if (comment is not null)
        {
            writer.WriteString("$comment", comment);
        }

        if (city.ExtraDepartmentKinds.Count > 0)
        {
            writer.WriteStartArray("extraDepartmentKinds");
            foreach (var kind in city.ExtraDepartmentKinds)
            {
                writer.WriteStringValue(kind);
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("centers");
        foreach (var c in city.Centers)
        {
            writer.WriteStartObject();
            writer.WriteString("id", c.Id);
            writer.WriteString("name", c.Name);
            writer.WriteString("level", CamelCaseEnum<CenterLevel>.Name(c.Level));
            writer.WriteString("parentId", c.ParentId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("departments");
        foreach (var d in city.Departments)
        {
            writer.WriteStartObject();
            writer.WriteString("id", d.Id);
            writer.WriteString("name", d.Name);
            writer.WriteString("kind", d.Kind);
            writer.WriteString("centerId", d.CenterId);
            writer.WriteString("parentDepartmentId", d.ParentDepartmentId);
            writer.WriteString("staffing", CamelCaseEnum<Staffing>.Name(d.Staffing));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("rotas");
        foreach (var r in city.Rotas)
        {
            writer.WriteStartObject();
            writer.WriteString("countyId", r.CountyId);
            writer.WriteString("start", LocalDatePattern.Iso.Format(r.Start));
            writer.WriteString("handover", LocalTimePattern.CreateWithInvariantCulture("HH:mm").Format(r.Handover));
            writer.WriteNumber("shiftDays", r.ShiftDays);
            writer.WriteStartArray("chiefs");
            foreach (var chief in r.Chiefs)
            {
                writer.WriteStartObject();
                writer.WriteString("role", CamelCaseEnum<DutyRole>.Name(chief.Role));
                writer.WriteString("name", chief.Name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("routing");
        foreach (var category in Enum.GetValues<Category>())
        {
            writer.WriteStartArray(CamelCaseEnum<Category>.Name(category));
            foreach (var kind in city.Routing.KindsFor(category))
            {
                writer.WriteStringValue(kind);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();

        writer.WritePropertyName("deadlinePolicy");
        DeadlinePolicyJson.Write(writer, city.DeadlinePolicy);

        writer.WriteStartArray("grids");
        foreach (var g in city.Grids)
        {
            writer.WriteStartObject();
            writer.WriteString("id", g.Id);
            writer.WriteString("name", g.Name);
            writer.WriteString("centerId", g.CenterId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }
}
