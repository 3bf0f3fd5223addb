import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { CreateUserDto, UserView } from './user.dto';
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
  list(): Promise<UserView[]> {
    return this.users.list();
  }
}
