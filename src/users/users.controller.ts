import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { CreateUserDto, SetPasswordDto, UpdateUserDto, UserListQuery, UserPage, UserView } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('auth and users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body);
  }

  @Get()
  list(@Query() query: UserListQuery): Promise<UserPage> {
    return this.users.list(query);
  }

  @Patch(':id')
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, body);
  }

  @Post(':id/password')
  @HttpCode(204)
  async setPassword(@Param('id', uuidPipe) id: string, @Body() body: SetPasswordDto): Promise<void> {
    await this.users.setPassword(id, body.password);
  }
}
