from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """?page=N&page_size=M, at most 500 a page; a malformed value is a 400, not a silent default."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        for name in (self.page_query_param, self.page_size_query_param):
            values = request.query_params.getlist(name)
            if values and (len(values) > 1 or not values[0].isdigit() or int(values[0]) < 1):
                raise ValidationError({name: ["A positive whole number is required."]})
        size = request.query_params.get(self.page_size_query_param)
        if size and int(size) > self.max_page_size:
            raise ValidationError(
                {self.page_size_query_param: [f"At most {self.max_page_size} a page."]}
            )
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters
